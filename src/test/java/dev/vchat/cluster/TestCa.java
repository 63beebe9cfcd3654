package dev.vchat.cluster;

import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A certificate authority made with openssl at test time, the way docs/CLUSTER.md tells an
 * operator to make one, and the node certificates it signs. No key is committed.
 */
final class TestCa {

  private final Path dir;
  private final Path cert;
  private final Path key;

  private TestCa(Path dir, Path cert, Path key) {
    this.dir = dir;
    this.cert = cert;
    this.key = key;
  }

  /** A new CA in {@code dir} (made if needed), named {@code name}. */
  static TestCa create(Path dir, String name) throws Exception {
    Files.createDirectories(dir);
    Path cert = dir.resolve("ca.pem");
    Path key = dir.resolve("ca.key");
    openssl(List.of("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", cert.toString(),
      "-days", "2", "-subj", "/CN=" + name,
      "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"));
    return new TestCa(dir, cert, key);
  }

  Path cert() {
    return cert;
  }

  /** A node's key and a certificate this CA signed, for both ends of a TLS connection: {cert, key}. */
  Path[] node(String name) throws Exception {
    Path nodeKey = dir.resolve(name + ".key");
    Path request = dir.resolve(name + ".csr");
    Path nodeCert = dir.resolve(name + ".pem");
    Path extensions = dir.resolve("node.ext");
    Files.writeString(extensions, "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
      + "extendedKeyUsage=serverAuth,clientAuth\n");
    openssl(List.of("req", "-newkey", "rsa:2048", "-nodes", "-keyout", nodeKey.toString(), "-out", request.toString(),
      "-subj", "/CN=" + name));
    openssl(List.of("x509", "-req", "-in", request.toString(), "-CA", cert.toString(), "-CAkey", key.toString(),
      "-CAcreateserial", "-days", "2", "-extfile", extensions.toString(), "-out", nodeCert.toString()));
    return new Path[] {nodeCert, nodeKey};
  }

  /** The config keys of a node holding {@code node}'s certificate and trusting {@code trusted}. */
  static JsonObject settings(Path[] node, Path trusted) {
    return new JsonObject()
      .put("clusterTlsCertPath", node[0].toString())
      .put("clusterTlsKeyPath", node[1].toString())
      .put("clusterTlsCaPath", trusted.toString());
  }

  private static void openssl(List<String> args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(args);
    Process openssl = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0, "openssl " + args + " failed: " + output);
  }
}
