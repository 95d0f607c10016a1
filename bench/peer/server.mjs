// The peer for bench/run.sh: panva's oidc-provider (OpenID Certified) in the smallest configuration the issue
// describes: one confidential client allowed client_credentials, one resource server receiving JWT access tokens.
// Environment: PORT (default 3000), WORKERS (processes; default 1), ACCESS_TOKEN_ALG (RS256 or ES256),
// CLIENT_SECRET (required). Loopback only.
import cluster from 'node:cluster';
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

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
  const provider = new Provider(issuer, {
    clients: [{
      client_id: 'bench',
      client_secret: clientSecret,
      grant_types: ['client_credentials'],
      redirect_uris: [],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_post',
    }],
    jwks: JSON.parse(process.env.PEER_JWKS),
    ttl: { ClientCredentials: 900 },
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
  provider.listen(port, '127.0.0.1', () => {
    if (cluster.isPrimary || cluster.worker?.id === 1) {
      console.log(`peer listening on ${issuer} (${workers} process(es), ${accessTokenAlg} access tokens)`);
    }
  });
}
