package eu.smartcity.accelerator.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * What the two mailed links that create an account (registration, invitation) share: the random secret in the link,
 * of which only the hash is stored (a copy of the table confirms nothing), and the password the person then chooses.
 */
final class MailedLinks {

    static final int MIN_PASSWORD_LENGTH = 10;
    static final int MAX_PASSWORD_LENGTH = 128;

    private static final SecureRandom RANDOM = new SecureRandom();

    private MailedLinks() {}

    /** 256 random bits, URL-safe. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The password rules of every account the app creates; a problem goes under its field (message keys). */
    static void checkPassword(String password, String passwordAgain, Map<String, String> problems) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            problems.put("password", "register.error.password");
        } else if (!password.equals(passwordAgain)) {
            problems.put("passwordAgain", "register.error.passwordAgain");
        }
    }
}
