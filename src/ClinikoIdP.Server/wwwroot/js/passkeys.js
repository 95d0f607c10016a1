// Passkeys (WebAuthn): a file of its own so the Content-Security-Policy can forbid inline scripts.
//
// A panel marked data-passkey="create" or data-passkey="get" holds a start button, an optional name field and a place
// for errors. Pressing the button asks the server for the ceremony's options (POST with the page's anti-forgery
// token), hands them to the browser's passkey prompt, and posts the browser's answer back as JSON. The server answers
// {redirectTo} to move on or {error} to show beside the button.
(function () {
    "use strict";

    function toBytes(base64url) {
        var base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
        while (base64.length % 4) {
            base64 += "=";
        }
        var binary = atob(base64);
        var bytes = new Uint8Array(binary.length);
        for (var i = 0; i < binary.length; i++) {
            bytes[i] = binary.charCodeAt(i);
        }
        return bytes.buffer;
    }

    function toBase64Url(buffer) {
        var bytes = new Uint8Array(buffer);
        var binary = "";
        for (var i = 0; i < bytes.length; i++) {
            binary += String.fromCharCode(bytes[i]);
        }
        return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    }

    function withIds(list) {
        return (list || []).map(function (item) {
            return Object.assign({}, item, { id: toBytes(item.id) });
        });
    }

    function creationOptions(json) {
        if (PublicKeyCredential.parseCreationOptionsFromJSON) {
            return PublicKeyCredential.parseCreationOptionsFromJSON(json);
        }
        return Object.assign({}, json, {
            challenge: toBytes(json.challenge),
            user: Object.assign({}, json.user, { id: toBytes(json.user.id) }),
            excludeCredentials: withIds(json.excludeCredentials)
        });
    }

    function requestOptions(json) {
        if (PublicKeyCredential.parseRequestOptionsFromJSON) {
            return PublicKeyCredential.parseRequestOptionsFromJSON(json);
        }
        return Object.assign({}, json, {
            challenge: toBytes(json.challenge),
            allowCredentials: withIds(json.allowCredentials)
        });
    }

    // The JSON form of a PublicKeyCredential (WebAuthn Level 3 toJSON), built by hand for browsers without it.
    function credentialJson(credential) {
        if (typeof credential.toJSON === "function") {
            return credential.toJSON();
        }
        var response = credential.response;
        var json = {
            id: credential.id,
            rawId: toBase64Url(credential.rawId),
            type: credential.type,
            authenticatorAttachment: credential.authenticatorAttachment || null,
            clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {},
            response: { clientDataJSON: toBase64Url(response.clientDataJSON) }
        };
        if (response.attestationObject) {
            json.response.attestationObject = toBase64Url(response.attestationObject);
            json.response.transports = response.getTransports ? response.getTransports() : [];
        } else {
            json.response.authenticatorData = toBase64Url(response.authenticatorData);
            json.response.signature = toBase64Url(response.signature);
            json.response.userHandle = response.userHandle ? toBase64Url(response.userHandle) : null;
        }
        return json;
    }

    function antiforgeryToken() {
        var field = document.querySelector("input[name='__RequestVerificationToken']");
        return field ? field.value : "";
    }

    function post(url, body) {
        return fetch(url, {
            method: "POST",
            credentials: "same-origin",
            headers: { "Content-Type": "application/json", "RequestVerificationToken": antiforgeryToken() },
            body: JSON.stringify(body || {})
        }).then(function (response) {
            return response.json().catch(function () {
                return { error: "Something went wrong. Reload the page and try again." };
            });
        });
    }

    function start(panel, button, showError) {
        var mode = panel.getAttribute("data-passkey");
        var nameField = panel.querySelector("[data-passkey-name]");
        var name = nameField ? nameField.value.trim() : null;
        if (nameField && !name) {
            showError("Give the passkey a name, such as \"Work laptop\" or \"My phone\".");
            nameField.focus();
            return;
        }

        button.disabled = true;
        showError("");
        post(panel.getAttribute("data-options-url"))
            .then(function (options) {
                if (options.error) {
                    throw new Error(options.error);
                }
                return mode === "create"
                    ? navigator.credentials.create({ publicKey: creationOptions(options) })
                    : navigator.credentials.get({ publicKey: requestOptions(options) });
            })
            .then(function (credential) {
                // The second-factor page's "Remember this computer" box applies to a passkey too.
                var remember = document.querySelector("input[name='RememberComputer']");
                return post(panel.getAttribute("data-submit-url"), {
                    name: name,
                    credential: credentialJson(credential),
                    rememberComputer: !!(remember && remember.checked)
                });
            })
            .then(function (result) {
                if (result.redirectTo) {
                    window.location.assign(result.redirectTo);
                    return;
                }
                throw new Error(result.error || "Something went wrong. Try again.");
            })
            .catch(function (error) {
                button.disabled = false;
                // The browser's own refusals (cancelled, timed out, no passkey here) come as DOMExceptions.
                if (error && error.name === "NotAllowedError") {
                    showError("No passkey was used. If you cancelled, press the button to try again.");
                } else if (error && error.name === "InvalidStateError") {
                    showError("This device already has a passkey for your account.");
                } else {
                    showError(error && error.message ? error.message : "Something went wrong. Try again.");
                }
            });
    }

    document.querySelectorAll("[data-passkey]").forEach(function (panel) {
        var button = panel.querySelector("[data-passkey-start]");
        var error = panel.querySelector("[data-passkey-error]");
        function showError(message) {
            if (error) {
                error.textContent = message;
                error.hidden = !message;
            }
        }

        if (!button) {
            return;
        }
        if (!window.PublicKeyCredential || !navigator.credentials) {
            button.disabled = true;
            showError("This browser can't use passkeys. Use another way to sign in, or try an up-to-date browser.");
            return;
        }
        button.addEventListener("click", function () { start(panel, button, showError); });
        // The page renders the button disabled, so it can't be pressed before this script is ready (or without it).
        button.disabled = false;
    });
})();
