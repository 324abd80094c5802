/**
 * The manifests in deploy/kubernetes/, parsed as kubectl would read them (multi-document YAML), checked
 * for what keeps the blog up and locked down, and for agreement with deploy/nginx.conf (port, probe paths,
 * writable folders under a read-only root filesystem).
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import type { Deployment } from "kubernetes-types/apps/v1.js";
import type { Container, Service } from "kubernetes-types/core/v1.js";
import type { Ingress } from "kubernetes-types/networking/v1.js";
import type { PodDisruptionBudget } from "kubernetes-types/policy/v1.js";
import { parseAllDocuments } from "yaml";

const DIR = "deploy/kubernetes";
const NGINX_CONF = readFileSync("deploy/nginx.conf", "utf8");

interface Manifest {
  file: string;
  kind: string;
  body: Record<string, unknown>;
}

const files = readdirSync(DIR).filter((file) => /\.ya?ml$/.test(file));
const manifests: Manifest[] = files.flatMap((file) =>
  parseAllDocuments(readFileSync(path.join(DIR, file), "utf8")).map((document) => {
    assert.deepEqual(document.errors, [], `${DIR}/${file}: ${document.errors.join("; ")}`);
    const body = document.toJS() as Record<string, unknown>;
    return { file, kind: String(body.kind), body };
  }),
);

function only<T>(kind: string): T {
  const found = manifests.filter((manifest) => manifest.kind === kind);
  assert.equal(found.length, 1, `expected one ${kind} in ${DIR}, found ${found.length}`);
  return found[0]!.body as T;
}

const deployment = only<Deployment>("Deployment");
const service = only<Service>("Service");
const ingress = only<Ingress>("Ingress");
const podSpec = deployment.spec!.template.spec!;
const containers: Container[] = podSpec.containers;

/** The port nginx.conf listens on in the container. */
const nginxPort = Number(/^\s*listen\s+(\d+);/m.exec(NGINX_CONF)?.[1]);

/** Folders nginx.conf writes to (pid file, temp folders), i.e. its `# test: writable path` lines. */
const nginxWritablePaths = NGINX_CONF.split("\n")
  .filter((line) => line.includes("# test: writable path"))
  .map((line) => /\s(\/[^\s;]+)/.exec(line)?.[1] ?? "")
  .filter((file) => !file.startsWith("/dev/"));

function portNumber(port: number | string | undefined, container: Container): number | undefined {
  if (typeof port === "number") return port;
  return container.ports?.find((candidate) => candidate.name === port)?.containerPort;
}

describe(DIR, () => {
  test("every manifest parses and kustomization.yaml lists all of them", () => {
    const kustomization = only<{ resources: string[]; images?: { name: string }[] }>("Kustomization");
    const resources = files.filter((file) => file !== "kustomization.yaml");
    assert.deepEqual([...kustomization.resources].sort(), resources.sort());
    assert.ok(kustomization.images?.some((image) => containers.some((container) => container.image === image.name)), "kustomization sets the Deployment's image");
    for (const { file, body } of manifests) {
      assert.ok(body.apiVersion && body.kind, `${file}: apiVersion and kind`);
      if (body.kind !== "Kustomization") assert.ok((body.metadata as { name?: string } | undefined)?.name, `${file}: metadata.name`);
    }
  });

  test("two replicas, replaced one at a time without ever going below two ready", () => {
    assert.equal(deployment.spec?.replicas, 2);
    assert.equal(deployment.spec?.strategy?.type, "RollingUpdate");
    assert.equal(deployment.spec?.strategy?.rollingUpdate?.maxUnavailable, 0);
    assert.ok(Number(deployment.spec?.strategy?.rollingUpdate?.maxSurge) >= 1, "maxSurge >= 1, or a rollout cannot start");
    const budget = only<PodDisruptionBudget>("PodDisruptionBudget");
    assert.deepEqual(budget.spec?.selector?.matchLabels, deployment.spec?.selector.matchLabels);
  });

  test("the selector matches the pod labels", () => {
    const labels = deployment.spec!.template.metadata!.labels!;
    for (const [key, value] of Object.entries(deployment.spec!.selector.matchLabels!)) assert.equal(labels[key], value, key);
  });

  test("readiness and liveness are HTTP probes nginx.conf answers, on the port it listens on", () => {
    assert.ok(Number.isInteger(nginxPort), "deploy/nginx.conf: listen PORT;");
    for (const container of containers) {
      assert.ok(container.ports?.some((port) => port.containerPort === nginxPort), `${container.name}: containerPort ${nginxPort}`);
      for (const probe of [container.readinessProbe, container.livenessProbe]) {
        assert.ok(probe?.httpGet, `${container.name}: readiness and liveness use httpGet`);
        assert.equal(portNumber(probe.httpGet.port, container), nginxPort);
        const probePath = probe.httpGet.path ?? "/";
        assert.ok(probePath === "/" || NGINX_CONF.includes(`location = ${probePath} `), `nginx.conf answers ${probePath}`);
      }
    }
  });

  test("requests and limits for CPU and memory", () => {
    for (const container of containers) {
      for (const kind of ["requests", "limits"] as const) {
        for (const resource of ["cpu", "memory"]) {
          assert.ok(container.resources?.[kind]?.[resource], `${container.name}: resources.${kind}.${resource}`);
        }
      }
    }
  });

  test("non-root, read-only root filesystem, no privilege escalation, no capabilities, RuntimeDefault seccomp", () => {
    assert.equal(podSpec.securityContext?.runAsNonRoot, true);
    assert.ok((podSpec.securityContext?.runAsUser ?? 0) > 0, "a numeric non-root uid lets the kubelet check runAsNonRoot");
    assert.equal(podSpec.securityContext?.seccompProfile?.type, "RuntimeDefault");
    assert.equal(podSpec.automountServiceAccountToken, false);
    for (const container of containers) {
      const context = container.securityContext;
      assert.equal(context?.readOnlyRootFilesystem, true, container.name);
      assert.equal(context?.allowPrivilegeEscalation, false, container.name);
      assert.deepEqual(context?.capabilities?.drop, ["ALL"], container.name);
      assert.equal(context?.privileged ?? false, false, container.name);
    }
  });

  test("every folder nginx.conf writes to is an emptyDir mount (the root filesystem is read-only)", () => {
    assert.ok(nginxWritablePaths.length >= 5, `writable paths found in nginx.conf: ${nginxWritablePaths.join(", ")}`);
    const emptyDirs = new Set((podSpec.volumes ?? []).filter((volume) => volume.emptyDir).map((volume) => volume.name));
    for (const container of containers) {
      const mounts = (container.volumeMounts ?? []).filter((mount) => emptyDirs.has(mount.name)).map((mount) => mount.mountPath);
      for (const writable of nginxWritablePaths) {
        assert.ok(mounts.some((mount) => writable.startsWith(`${mount}/`)), `${writable} is not under an emptyDir mount (${mounts.join(", ")})`);
      }
    }
  });

  test("the Service selects the Deployment's pods and targets the container port", () => {
    const labels = deployment.spec!.template.metadata!.labels!;
    for (const [key, value] of Object.entries(service.spec!.selector!)) assert.equal(labels[key], value, `Service selector ${key}`);
    for (const port of service.spec!.ports!) {
      assert.equal(portNumber(port.targetPort, containers[0]!), nginxPort, `Service port ${port.name}`);
    }
  });

  test("the Ingress routes its host to the Service's port", () => {
    const rules = ingress.spec?.rules ?? [];
    assert.ok(rules.length > 0);
    for (const rule of rules) {
      assert.ok(rule.host, "a host (placeholder) to replace");
      for (const { backend } of rule.http?.paths ?? []) {
        assert.equal(backend.service?.name, service.metadata?.name);
        const port = backend.service?.port;
        assert.ok(service.spec!.ports!.some((candidate) => candidate.name === port?.name || candidate.port === port?.number), `Ingress port ${JSON.stringify(port)}`);
      }
    }
  });
});
