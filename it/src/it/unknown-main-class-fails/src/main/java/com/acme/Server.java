package com.acme;

public final class Server {
  public static void main(String[] args) {
    NextServer.main(args);
  }
}
