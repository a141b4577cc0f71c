package chat.desktop.net;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Optional;

/**
 * Why a connection could not be made, in words for the join dialog. An untrusted or mismatching certificate is
 * told apart from an unreachable server: the fix is different (trust the certificate, or fix the address).
 */
final class CannotConnect {
  private CannotConnect() {}

  static RequestFailedException because(Object address, Throwable error) {
    return new RequestFailedException(certificateProblem(error)
        .map(problem -> "The server's certificate is not trusted: " + problem)
        .orElse("Cannot reach the chat server at " + address));
  }

  /**
   * The innermost reason under the first certificate failure in the chain (e.g. "unable to find valid
   * certification path to requested target", "No subject alternative DNS name matching … found").
   */
  static Optional<String> certificateProblem(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof CertificateException || cause instanceof CertPathBuilderException
          || cause instanceof CertPathValidatorException) {
        return Optional.of(innermostMessage(cause));
      }
    }
    return Optional.empty();
  }

  private static String innermostMessage(Throwable error) {
    String message = error.getMessage();
    for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null) {
        message = cause.getMessage();
      }
    }
    return message == null ? error.getClass().getSimpleName() : message;
  }
}
