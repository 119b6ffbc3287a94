package dev.monitoringworker.security;

/** A stored connection string that cannot be decrypted; the message says why, never what it holds. */
public class CipherException extends IllegalArgumentException {
    public CipherException(String message) {
        super(message);
    }
}
