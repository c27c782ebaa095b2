package io.inkwell.web.admin;

/** The access token ran out (they live 10 minutes): sign in again, silently if auth-service can. */
class SignInAgain extends RuntimeException {

  SignInAgain() {
    super("The access token expired");
  }
}
