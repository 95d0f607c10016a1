// The peer for bench/run.sh: panva's oidc-provider (OpenID Certified) in the smallest configuration the issue
// describes: one confidential client allowed client_credentials, one resource server receiving JWT access tokens.
// For the code and refresh scenarios, a second confidential client (bench-web, authorization code + rotating refresh
// tokens) and an interaction that signs the bench user in and grants what was asked without a page: those scenarios
// measure the token endpoint, not a login. Grants, codes and tokens live in oidc-provider's in-memory adapter, which a
// process does not share, so those scenarios run with WORKERS=1.
// Environment: PORT (default 3000), WORKERS (processes; default 1), ACCESS_TOKEN_ALG (RS256 or ES256),
// CLIENT_SECRET (required, both clients). Loopback only.
import cluster from 'node:cluster';
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';
// oidc-provider's own in-memory adapter and cache, given room for a whole run (see `adapter` below).
import MemoryAdapter from 'oidc-provider/lib/adapters/memory_adapter.js';
import LRU from 'oidc-provider/lib/helpers/lru.js';

const port = Number(process.env.PORT ?? 3000);
const workers = Number(process.env.WORKERS ?? 1);
const accessTokenAlg = process.env.ACCESS_TOKEN_ALG ?? 'RS256';
const clientSecret = process.env.CLIENT_SECRET;
if (!clientSecret) {
  console.error('CLIENT_SECRET is required');
  process.exit(2);
}

// Workers must publish the same keys, so the primary generates them once and hands them over in the environment.
if (cluster.isPrimary && !process.env.PEER_JWKS) {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  process.env.PEER_JWKS = JSON.stringify({ keys: [{ ...rsa, kid: 'rs', alg: 'RS256', use: 'sig' }, { ...ec, kid: 'es', alg: 'ES256', use: 'sig' }] });
}

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i += 1) {
    cluster.fork();
  }
  cluster.on('exit', () => process.exit(1));
} else {
  const resource = 'urn:clinikoidp:patient-api';
  const issuer = `http://127.0.0.1:${port}`;
  // The default in-memory adapter keeps the last 1,000 entries of every kind together, so a batch of more than 1,000
  // authorization codes lost its oldest codes before they were redeemed (invalid_grant for ~90% of the code-exchange
  // scenario). The same adapter with room for a run's codes, grants and tokens; entries still expire with their ttl.
  const store = new LRU({ maxSize: 1_000_000 });
  const provider = new Provider(issuer, {
    adapter: (model) => new MemoryAdapter(model, store),
    clients: [{
      client_id: 'bench',
      client_secret: clientSecret,
      grant_types: ['client_credentials'],
      redirect_uris: [],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_post',
    }, {
      client_id: 'bench-web',
      client_secret: clientSecret,
      grant_types: ['authorization_code', 'refresh_token'],
      redirect_uris: ['https://clinic.bench.example/signed-in'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    }],
    findAccount: (_ctx, accountId) => ({ accountId, claims: () => ({ sub: accountId }) }),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // As ClinikoIdP does: every refresh grant returns a new refresh token and retires the one used.
    rotateRefreshToken: true,
    jwks: JSON.parse(process.env.PEER_JWKS),
    // ClinikoIdP's lifetimes (IdpOptions, OpenIddictHosting), so both keep the same state for as long.
    ttl: {
      AccessToken: 900,
      AuthorizationCode: 60,
      ClientCredentials: 900,
      Grant: 14 * 24 * 3600,
      IdToken: 900,
      Interaction: 600,
      RefreshToken: 14 * 24 * 3600,
      Session: 8 * 3600,
    },
    features: {
      clientCredentials: { enabled: true },
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'patients.read',
          audience: resource,
          accessTokenTTL: 900,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: accessTokenAlg } },
        }),
      },
    },
  });
  // A failed request is a figure not measured: say why in the log the benchmark keeps.
  for (const event of ['authorization.error', 'grant.error', 'server_error']) {
    provider.on(event, (_ctx, error) => console.error(`${event}: ${error.message} ${error.error_description ?? ''}`));
  }

  provider.use(async (ctx, next) => {
    if (ctx.method !== 'GET' || !/^\/interaction\/[^/]+$/.test(ctx.path)) {
      return next();
    }

    const details = await provider.interactionDetails(ctx.req, ctx.res);
    const accountId = 'bench-user';
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId, clientId: details.params.client_id });
    grant.addOIDCScope(details.params.scope);
    const grantId = await grant.save();
    // A login (only when the session has none) renews the session's id, which would fail the other interactions of
    // the same browser running at that moment, so a signed-in browser only gives consent.
    const result = details.prompt.name === 'login' ? { login: { accountId }, consent: { grantId } } : { consent: { grantId } };
    const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: !result.login });
    ctx.status = 303;
    ctx.redirect(returnTo);
  });
  provider.listen(port, '127.0.0.1', () => {
    if (cluster.isPrimary || cluster.worker?.id === 1) {
      console.log(`peer listening on ${issuer} (${workers} process(es), ${accessTokenAlg} access tokens)`);
    }
  });
}
