package dev.interviewcoach.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets kept in the database (bot tokens) with AES-256-GCM: a random 12-byte nonce per
 * value, stored as {@code v1:} + base64(nonce + ciphertext and tag). A previous key may be given
 * for reading only, so the key can be rotated: values it opens are re-encrypted with the current key.
 */
public final class SecretBox {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec current;
    private final Optional<SecretKeySpec> previous;
    private final SecureRandom random = new SecureRandom();

    /** A box sealing with {@code current} (32 bytes) and opening with it or {@code previous}. */
    public SecretBox(byte[] current, Optional<byte[]> previous) {
        this.current = key(current, "the current key");
        this.previous = previous.map(p -> key(p, "the previous key"));
    }

    /** Reads a key written as base64 of 32 bytes; the message names {@code source}, never the value. */
    public static byte[] decodeKey(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " must be base64 of 32 random bytes (make one with: openssl rand"
                    + " -base64 32); it is not base64");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(source + " must be base64 of 32 random bytes (make one with: openssl rand"
                    + " -base64 32); it holds " + key.length + " bytes");
        }
        return key;
    }

    private static SecretKeySpec key(byte[] bytes, String what) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException(what + " must be 32 bytes, not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** The secret sealed with the current key and a fresh nonce. */
    public String seal(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt a secret: " + e.getClass().getSimpleName(), e);
        }
    }

    /** What {@link #open} found: the secret, and whether it was sealed with the previous key. */
    public record Opened(String secret, boolean withPreviousKey) {
        @Override
        public String toString() {
            return "Opened[****, previousKey=" + withPreviousKey + "]";
        }
    }

    /** Opens a sealed value with the current key, else the previous one; fails when neither opens it. */
    public Opened open(String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a value sealed by the coach");
        }
        byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        try {
            return new Opened(open(all, current), false);
        } catch (GeneralSecurityException e) {
            if (previous.isPresent()) {
                try {
                    return new Opened(open(all, previous.get()), true);
                } catch (GeneralSecurityException again) {
                    // reported below
                }
            }
            throw new IllegalStateException("a stored secret cannot be decrypted with COACH_SECRET_KEY"
                    + (previous.isPresent() ? " or COACH_SECRET_KEY_PREVIOUS" : "") + "; was the key changed without"
                    + " giving the old one as COACH_SECRET_KEY_PREVIOUS?");
        }
    }

    private static String open(byte[] all, SecretKeySpec key) throws GeneralSecurityException {
        if (all.length <= NONCE_BYTES) {
            throw new GeneralSecurityException("too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
        return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SecretBox[****]";
    }
}
