package ai.kaelio.ktx.application.service;

import java.security.SecureRandom;
import java.util.Base64;

/** Fresh bearer tokens: 32 random bytes from the system's secure source, base64url without padding. */
final class DaemonTokens {

    private static final int BYTES = 32;
    private final SecureRandom random = new SecureRandom();

    String next() {
        byte[] token = new byte[BYTES];
        random.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }
}
