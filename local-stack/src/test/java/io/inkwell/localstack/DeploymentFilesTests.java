package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked of the deployment files on a machine with no Docker engine and no cluster:
 * that they set only environment variables their services read, on the ports the services listen
 * on, probed where the services answer, with the secret keys the Kubernetes README tells operators
 * to create. A renamed setting or port fails here instead of in someone's cluster.
 */
class DeploymentFilesTests {

  private static final Path ROOT = Path.of("..");
  private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
  private static final Pattern DEFAULT_PORT = Pattern.compile("\\$\\{PORT:(\\d+)}|^(\\d+)$");
  private static final List<String> SERVICES =
      List.of(
          "auth-service",
          "post-service",
          "comment-service",
          "notification-service",
          "web",
          "gateway");

  @Test
  void kubernetesSetsOnlyVariablesItsServicesReadOnTheirOwnPorts() throws IOException {
    List<Map<String, Object>> documents = kubernetesDocuments();
    Map<String, Object> config = only(documents, "ConfigMap");
    Set<String> configKeys = map(config, "data").keySet();

    for (String service : SERVICES) {
      var deployment = named(documents, "Deployment", service);
      var container = list(map(deployment, "spec", "template", "spec").get("containers")).get(0);
      assertThat(container.get("image")).isEqualTo("inkwell/" + service);

      int port = (int) only(list(container.get("ports")), "http").get("containerPort");
      assertThat(port).as(service + " listens there").isEqualTo(defaultPort(service));
      var endpoint = named(documents, "Service", service);
      assertThat(map(endpoint, "spec", "selector"))
          .isEqualTo(map(deployment, "spec", "selector", "matchLabels"))
          .isEqualTo(map(deployment, "spec", "template", "metadata", "labels"));
      assertThat(only(list(map(endpoint, "spec").get("ports")), "http"))
          .containsEntry("port", port)
          .containsEntry("targetPort", "http");

      Set<String> read = variablesRead(service);
      for (var variable : list(container.get("env"))) {
        String name = (String) variable.get("name");
        assertThat(read.contains(name) || springProperty(name))
            .as(service + " reads " + name)
            .isTrue();
        if (variable.get("valueFrom") instanceof Map<?, ?> from
            && from.get("configMapKeyRef") instanceof Map<?, ?> ref) {
          assertThat(configKeys).contains((String) ref.get("key"));
        }
      }
    }
    Set<String> readByAny = new HashSet<>();
    for (String service : SERVICES) {
      readByAny.addAll(variablesRead(service));
    }
    for (String key : configKeys) {
      assertThat(readByAny.contains(key) || springProperty(key))
          .as("some service reads the ConfigMap's " + key)
          .isTrue();
    }
  }

  @Test
  void everyDeploymentIsProbedOnTheActuatorsHealthGroupsOfItsOwnPort() throws IOException {
    var patch =
        new Yaml().<List<Map<String, Object>>>load(read(KUBERNETES.resolve("pod-defaults.yaml")));
    Map<String, Object> byPath = new HashMap<>();
    patch.forEach(op -> byPath.put((String) op.get("path"), op.get("value")));
    String probes = "/spec/template/spec/containers/0/";
    assertThat(map(byPath.get(probes + "livenessProbe"), "httpGet"))
        .containsEntry("path", "/actuator/health/liveness")
        .containsEntry("port", "http");
    assertThat(map(byPath.get(probes + "readinessProbe"), "httpGet"))
        .containsEntry("path", "/actuator/health/readiness")
        .containsEntry("port", "http");
    for (String service : SERVICES) {
      assertThat(read(ROOT.resolve(service + "/src/main/resources/application.yml")))
          .as(service + " has the probes' health groups")
          .contains("probes:");
    }
    gatewayIsProbedAndScrapedOnItsManagementPortOnly();

    var kustomization =
        new Yaml().<Map<String, Object>>load(read(KUBERNETES.resolve("kustomization.yaml")));
    List<String> listed = new ArrayList<>();
    listed.add("kustomization.yaml");
    listed.addAll(strings(kustomization.get("resources")));
    list(kustomization.get("patches")).forEach(p -> listed.add((String) p.get("path")));
    try (Stream<Path> files = Files.list(KUBERNETES)) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml")))
          .as("every file is applied")
          .containsExactlyInAnyOrderElementsOf(listed);
    }
  }

  /**
   * The gateway's actuator is on a port of its own, which its Service (and so the ingress) leaves
   * out: the probes and Prometheus look there, and the internet does not see the metrics.
   */
  private static void gatewayIsProbedAndScrapedOnItsManagementPortOnly() throws IOException {
    List<Map<String, Object>> documents = kubernetesDocuments();
    var deployment = named(documents, "Deployment", "gateway");
    var container = list(map(deployment, "spec", "template", "spec").get("containers")).get(0);
    int management = (int) only(list(container.get("ports")), "management").get("containerPort");
    assertThat(list(container.get("env")))
        .contains(Map.of("name", "MANAGEMENT_SERVER_PORT", "value", String.valueOf(management)));
    assertThat(map(deployment, "spec", "template", "metadata", "annotations"))
        .containsEntry("prometheus.io/port", String.valueOf(management));
    assertThat(list(map(named(documents, "Service", "gateway"), "spec").get("ports")))
        .extracting(port -> port.get("targetPort"))
        .containsExactly("http");

    var kustomization =
        new Yaml().<Map<String, Object>>load(read(KUBERNETES.resolve("kustomization.yaml")));
    var patches = list(kustomization.get("patches"));
    var probes =
        patches.stream()
            .filter(p -> "gateway-probes.yaml".equals(p.get("path")))
            .findFirst()
            .orElseThrow();
    assertThat(map(probes, "target")).containsEntry("name", "gateway");
    assertThat(patches.indexOf(probes))
        .as("after pod-defaults.yaml, whose probes it moves")
        .isGreaterThan(
            patches.indexOf(
                patches.stream()
                    .filter(p -> "pod-defaults.yaml".equals(p.get("path")))
                    .findFirst()
                    .orElseThrow()));
    var moved =
        new Yaml().<List<Map<String, Object>>>load(read(KUBERNETES.resolve("gateway-probes.yaml")));
    String probe = "/spec/template/spec/containers/0/%s/httpGet/port";
    assertThat(moved)
        .extracting(op -> op.get("op") + " " + op.get("path") + " " + op.get("value"))
        .containsExactlyInAnyOrder(
            "replace " + probe.formatted("startupProbe") + " management",
            "replace " + probe.formatted("livenessProbe") + " management",
            "replace " + probe.formatted("readinessProbe") + " management");
  }

  @Test
  void theSecretKeysTheManifestsNeedAreTheOnesTheReadmeCreates() throws IOException {
    String readme = read(KUBERNETES.resolve("README.md"));
    Set<String> created = new HashSet<>();
    Matcher literal = Pattern.compile("--from-literal=([A-Z_]+)=").matcher(readme);
    while (literal.find()) {
      created.add(literal.group(1));
    }
    Set<String> needed = new HashSet<>();
    for (var document : kubernetesDocuments()) {
      if ("Deployment".equals(document.get("kind"))) {
        var container = list(map(document, "spec", "template", "spec").get("containers")).get(0);
        for (var variable : list(container.get("env"))) {
          if (variable.get("valueFrom") instanceof Map<?, ?> from
              && from.get("secretKeyRef") instanceof Map<?, ?> ref) {
            assertThat(ref.get("name")).isEqualTo("inkwell-secrets");
            needed.add((String) ref.get("key"));
          }
        }
      }
    }
    assertThat(created).containsExactlyInAnyOrderElementsOf(needed);
  }

  /**
   * The gateway is the one way in (ADR 6): every other workload takes connections, on its own port,
   * only from the gateway, from the services that fetch auth-service's keys (auth-service alone),
   * and from Prometheus where it is scraped; the gateway itself has no policy.
   */
  @Test
  void onlyTheGatewayTakesConnectionsFromAnyoneAndEachServiceOnlyFromItsCallers()
      throws IOException {
    List<Map<String, Object>> documents = kubernetesDocuments();
    var policies = documents.stream().filter(d -> "NetworkPolicy".equals(d.get("kind"))).toList();
    Set<String> keyFetchers = new HashSet<>();
    for (String service : SERVICES) {
      if (variablesRead(service).contains("INKWELL_JWKS_URI")) {
        keyFetchers.add(service);
      }
    }
    assertThat(keyFetchers).contains("gateway", "post-service");

    for (String service : SERVICES) {
      var deployment = named(documents, "Deployment", service);
      var labels = map(deployment, "spec", "template", "metadata", "labels");
      var selecting =
          policies.stream()
              .filter(p -> map(p, "spec", "podSelector", "matchLabels").equals(labels))
              .toList();
      if (service.equals("gateway")) {
        assertThat(selecting).as("anyone may reach the gateway").isEmpty();
        continue;
      }
      assertThat(selecting).as(service + "'s policy").hasSize(1);
      var spec = map(selecting.get(0), "spec");
      assertThat(strings(spec.get("policyTypes"))).containsExactly("Ingress");
      Set<String> callers = new HashSet<>();
      boolean scraped = false;
      for (var rule : list(spec.get("ingress"))) {
        assertThat(list(rule.get("ports")))
            .as(service + ": its own port only")
            .extracting(port -> port.get("port"))
            .containsExactly("http");
        for (var peer : list(rule.get("from"))) {
          if (peer.containsKey("podSelector")) {
            callers.add(
                (String) map(peer, "podSelector", "matchLabels").get("app.kubernetes.io/name"));
          }
          if (peer.containsKey("namespaceSelector")) {
            assertThat(map(peer, "namespaceSelector", "matchLabels"))
                .isEqualTo(Map.of("inkwell.dev/monitoring", "true"));
            scraped = true;
          }
        }
      }
      Set<String> expected = new HashSet<>(Set.of("gateway"));
      if (service.equals("auth-service")) {
        expected.addAll(keyFetchers);
        expected.remove(service);
      }
      assertThat(callers).as("who may call " + service).isEqualTo(expected);
      assertThat(scraped)
          .as(service + " may be scraped where Prometheus is told to")
          .isEqualTo(
              "true"
                  .equals(
                      map(deployment, "spec", "template", "metadata", "annotations")
                          .get("prometheus.io/scrape")));
    }
  }

  /**
   * The proxy in front lets through what the gateway takes, and waits as long as it does: an
   * episode of 100 MB refused by the ingress, or an import's answer cut at nginx's 60 seconds,
   * would fail only in a cluster.
   */
  @Test
  void theIngressTakesTheGatewaysLargestBodiesAndWaitsForItsSlowestRoutes() throws IOException {
    // the first document: what holds whatever profile is active
    var gateway =
        new Yaml()
            .loadAll(read(ROOT.resolve("gateway/src/main/resources/application.yml")))
            .iterator()
            .next();
    long largest =
        DataSize.parse((String) map(gateway, "inkwell", "gateway").get("max-file-upload-size"))
            .toBytes();
    long slowest = 0;
    for (var route :
        list(map(gateway, "spring", "cloud", "gateway", "server", "webflux").get("routes"))) {
      if (route.get("metadata") instanceof Map<?, ?> metadata
          && metadata.get("response-timeout") instanceof Integer millis) {
        slowest = Math.max(slowest, millis);
      }
    }
    var annotations =
        map(named(kubernetesDocuments(), "Ingress", "inkwell"), "metadata", "annotations");
    String prefix = "nginx.ingress.kubernetes.io/";
    String bodySize = (String) annotations.get(prefix + "proxy-body-size");
    assertThat(DataSize.parse(bodySize.replace("m", "MB")).toBytes())
        .as("the ingress's proxy-body-size")
        .isGreaterThan(largest);
    for (String timeout : List.of("proxy-read-timeout", "proxy-send-timeout")) {
      assertThat(Long.parseLong((String) annotations.get(prefix + timeout)) * 1000)
          .as("the ingress's " + timeout)
          .isGreaterThan(slowest);
    }
  }

  @Test
  void dockerComposeSetsOnlyVariablesItsServicesReadOnTheirOwnPorts() throws IOException {
    var compose = new Yaml().<Map<String, Object>>load(read(ROOT.resolve("docker-compose.yml")));
    var services = map(compose, "services");
    for (String service : SERVICES) {
      var definition = map(services, service);
      var environment = map(definition, "environment");
      Set<String> read = variablesRead(service);
      for (String name : environment.keySet()) {
        assertThat(read.contains(name) || springProperty(name) || name.startsWith("THC_"))
            .as(service + " reads " + name)
            .isTrue();
      }
      assertThat(String.valueOf(environment.get("THC_PORT")))
          .as(service + "'s health check port: its actuator's")
          .isEqualTo(
              String.valueOf(
                  environment.getOrDefault("MANAGEMENT_SERVER_PORT", defaultPort(service))));
      // the gateway is the one way in: no service is published around its checks
      assertThat(definition.containsKey("ports"))
          .as(service + " is published")
          .isEqualTo(service.equals("gateway"));
    }
    var gateway = map(map(services, "gateway"), "environment");
    assertThat(gateway)
        .containsEntry("POST_SERVICE_URL", "http://post-service:" + defaultPort("post-service"))
        .containsEntry(
            "COMMENT_SERVICE_URL", "http://comment-service:" + defaultPort("comment-service"))
        .containsEntry(
            "NOTIFICATION_SERVICE_URL",
            "http://notification-service:" + defaultPort("notification-service"))
        .containsEntry("AUTH_SERVICE_URL", "http://auth-service:" + defaultPort("auth-service"))
        .containsEntry("WEB_URL", "http://web:" + defaultPort("web"));
  }

  /** Environment variables Spring binds to its own properties (relaxed binding). */
  private static boolean springProperty(String name) {
    return name.startsWith("SPRING_") || name.startsWith("MANAGEMENT_");
  }

  /** The {@code ${NAME} placeholders of the service's configuration files. */
  private static Set<String> variablesRead(String service) throws IOException {
    Set<String> names = new HashSet<>();
    try (Stream<Path> files = Files.list(ROOT.resolve(service + "/src/main/resources"))) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith("application")).toList()) {
        Matcher placeholder = PLACEHOLDER.matcher(read(file));
        while (placeholder.find()) {
          names.add(placeholder.group(1));
        }
      }
    }
    return names;
  }

  /** {@code server.port} of the service's application.yml, without a PORT from outside. */
  private static int defaultPort(String service) throws IOException {
    // the first document: what holds whatever profile is active
    var config =
        new Yaml()
            .loadAll(read(ROOT.resolve(service + "/src/main/resources/application.yml")))
            .iterator()
            .next();
    String port = String.valueOf(map(config, "server").get("port"));
    Matcher matcher = DEFAULT_PORT.matcher(port);
    assertThat(matcher.find()).as(service + " server.port " + port).isTrue();
    return Integer.parseInt(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
  }

  private static List<Map<String, Object>> kubernetesDocuments() throws IOException {
    List<Map<String, Object>> documents = new ArrayList<>();
    try (Stream<Path> files = Files.list(KUBERNETES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        for (Object document : new Yaml().loadAll(read(file))) {
          if (document instanceof Map<?, ?> resource && resource.containsKey("apiVersion")) {
            documents.add(map(resource));
          }
        }
      }
    }
    return documents;
  }

  private static Map<String, Object> named(
      List<Map<String, Object>> documents, String kind, String name) {
    return documents.stream()
        .filter(d -> kind.equals(d.get("kind")) && name.equals(map(d, "metadata").get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  private static Map<String, Object> only(List<Map<String, Object>> documents, String kindOrName) {
    var matching =
        documents.stream()
            .filter(d -> kindOrName.equals(d.get("kind")) || kindOrName.equals(d.get("name")))
            .toList();
    assertThat(matching).as(kindOrName).hasSize(1);
    return matching.get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String... path) {
    Object current = value;
    for (String key : path) {
      current = ((Map<String, Object>) current).get(key);
      assertThat(current).as(String.join(".", path)).isNotNull();
    }
    return (Map<String, Object>) current;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    return (List<String>) value;
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file);
  }
}
