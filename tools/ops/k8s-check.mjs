#!/usr/bin/env node
// Validates deploy/k8s: renders every overlay with kustomize (`kubectl kustomize`, or a `kustomize`
// binary), validates each rendered object against the Kubernetes OpenAPI schemas (npm
// `kubernetes-models`: types, enums, required fields of every apiVersion/kind), then checks the
// rules this deployment promises: probes, resources, non-root and read-only root filesystem, no
// secret values, Services/PDBs/HPAs/Ingress pointing at things that exist, a default-deny
// NetworkPolicy, the migration Job on the API image. Without kustomize, each file of base/,
// config/ and migrate/ is validated alone (the overlays are then not rendered: said so, exit 0).
//
//   node tools/ops/k8s-check.mjs        (npm run k8s:check; a few seconds)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const k8s = path.join(root, 'deploy/k8s');
const OVERLAYS = ['staging', 'production', 'staging/migrate', 'production/migrate'];
const problems = [];
let objects = 0;

function kustomizeCommand() {
  const probe = (cmd, args) => spawnSync(cmd, args, { encoding: 'utf8' });
  const k = probe('kubectl', ['version', '--client']);
  if (k.status === 0 && /Kustomize Version: v[4-9]/.test(k.stdout))
    return (dir) => probe('kubectl', ['kustomize', dir]);
  const ku = probe('kustomize', ['version']);
  if (ku.status === 0 && /v[4-9]\./.test(ku.stdout)) return (dir) => probe('kustomize', ['build', dir]);
  return undefined;
}

function parse(text, where) {
  const docs = [];
  for (const d of parseAllDocuments(text)) {
    if (d.errors.length) problems.push(`${where}: YAML: ${d.errors[0].message}`);
    const v = d.toJS();
    if (v) docs.push(v);
  }
  return docs;
}

async function schemaValidate(obj, where) {
  const [group, version] = obj.apiVersion?.includes('/')
    ? obj.apiVersion.split('/')
    : [undefined, obj.apiVersion];
  const mod = group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`;
  let Model;
  try {
    Model = (await import(mod))[obj.kind];
  } catch {
    Model = undefined;
  }
  if (!Model) {
    problems.push(`${where}: unknown apiVersion/kind ${obj.apiVersion} ${obj.kind}`);
    return;
  }
  try {
    new Model(obj).validate();
  } catch (err) {
    problems.push(`${where}: ${String(err.message).split('\n').slice(0, 3).join('; ')}`);
  }
}

const podSpecOf = (o) => (o.kind === 'Job' ? o.spec?.template?.spec : o.spec?.template?.spec);
const labelsMatch = (selector = {}, labels = {}) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

/** The promises of this deployment, on one rendered overlay. */
function policies(list, where) {
  const p = (msg) => problems.push(`${where}: ${msg}`);
  const byKind = (k) => list.filter((o) => o.kind === k);
  const workloads = list.filter((o) => o.kind === 'Deployment' || o.kind === 'Job');
  for (const o of list) {
    if (o.kind === 'Secret')
      p(`Secret ${o.metadata.name} in the manifests: secrets are referenced, never committed`);
    if (o.kind !== 'Namespace' && !o.metadata?.namespace && !where.endsWith('(file)'))
      p(`${o.kind} ${o.metadata?.name} has no namespace`);
  }
  for (const w of workloads) {
    const name = `${w.kind} ${w.metadata.name}`;
    const spec = podSpecOf(w);
    if (spec.automountServiceAccountToken !== false) p(`${name}: service account token mounted`);
    if (spec.securityContext?.runAsNonRoot !== true) p(`${name}: runAsNonRoot is not true`);
    if (spec.securityContext?.seccompProfile?.type !== 'RuntimeDefault')
      p(`${name}: no RuntimeDefault seccomp profile`);
    for (const c of spec.containers) {
      const cn = `${name}/${c.name}`;
      if (
        !/^registry\.example\.com\/pa\/pa-[a-z-]+:0123abc$/.test(c.image ?? '') &&
        !where.endsWith('(file)')
      )
        p(`${cn}: image "${c.image}" is not set by the release step (<registry>/pa-<app>:<tag>)`);
      if (c.securityContext?.readOnlyRootFilesystem !== true) p(`${cn}: root filesystem not read-only`);
      if (c.securityContext?.allowPrivilegeEscalation !== false) p(`${cn}: privilege escalation allowed`);
      if (!c.securityContext?.capabilities?.drop?.includes('ALL')) p(`${cn}: capabilities not dropped`);
      if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory || !c.resources?.limits?.memory)
        p(`${cn}: requests (cpu, memory) and a memory limit are required`);
      for (const e of c.env ?? [])
        if (e.value && /SECRET|TOKEN|PASSWORD|_KEY$|DATABASE_URL|REDIS_URL|SMTP_URL/.test(e.name))
          p(`${cn}: ${e.name} given as a value (use the Secret)`);
      if (w.kind === 'Deployment') {
        if (!c.livenessProbe || !c.readinessProbe) p(`${cn}: liveness and readiness probes are required`);
        const http = [c.livenessProbe, c.readinessProbe, c.startupProbe]
          .filter((x) => x?.httpGet)
          .map((x) => x.httpGet.path);
        if (
          c.ports?.length &&
          !(http.includes('/healthz') && http.includes('/readyz')) &&
          w.metadata.name !== 'web'
        )
          p(`${cn}: an HTTP app probes /healthz (liveness) and /readyz (readiness)`);
      }
    }
  }
  const deployments = byKind('Deployment');
  const podLabels = (d) => d.spec.template.metadata.labels;
  for (const s of byKind('Service')) {
    const target = deployments.find((d) => labelsMatch(s.spec.selector, podLabels(d)));
    if (!target) p(`Service ${s.metadata.name} selects no Deployment`);
    else
      for (const port of s.spec.ports)
        if (
          typeof port.targetPort === 'string' &&
          !target.spec.template.spec.containers.some((c) =>
            c.ports?.some((cp) => cp.name === port.targetPort),
          )
        )
          p(
            `Service ${s.metadata.name}: targetPort ${port.targetPort} is no container port of ${target.metadata.name}`,
          );
  }
  for (const d of deployments) {
    if (!labelsMatch(d.spec.selector.matchLabels, podLabels(d)))
      p(`Deployment ${d.metadata.name}: selector does not match its pods`);
  }
  for (const pdb of byKind('PodDisruptionBudget'))
    if (!deployments.some((d) => labelsMatch(pdb.spec.selector.matchLabels, podLabels(d))))
      p(`PDB ${pdb.metadata.name} selects no Deployment`);
  for (const hpa of byKind('HorizontalPodAutoscaler')) {
    const t = deployments.find((d) => d.metadata.name === hpa.spec.scaleTargetRef.name);
    if (!t) p(`HPA ${hpa.metadata.name}: no Deployment ${hpa.spec.scaleTargetRef.name}`);
    else if (!t.spec.template.spec.containers.every((c) => c.resources?.requests?.cpu))
      p(`HPA ${hpa.metadata.name}: target has no CPU request`);
  }
  for (const ing of byKind('Ingress')) {
    if (!ing.spec.tls?.length) p(`Ingress ${ing.metadata.name} has no TLS`);
    if (!/3600/.test(ing.metadata.annotations?.['nginx.ingress.kubernetes.io/proxy-read-timeout'] ?? ''))
      p(`Ingress ${ing.metadata.name}: WebSocket read timeout not raised`);
    for (const rule of ing.spec.rules)
      for (const path_ of rule.http.paths) {
        const svc = byKind('Service').find((s) => s.metadata.name === path_.backend.service.name);
        if (!svc) p(`Ingress path ${path_.path} → missing Service ${path_.backend.service.name}`);
        else if (
          !svc.spec.ports.some(
            (sp) =>
              sp.name === path_.backend.service.port.name || sp.port === path_.backend.service.port.number,
          )
        )
          p(`Ingress path ${path_.path}: Service ${svc.metadata.name} has no such port`);
      }
  }
  if (deployments.length) {
    const np = byKind('NetworkPolicy');
    if (
      !np.some(
        (n) =>
          Object.keys(n.spec.podSelector ?? {}).length === 0 &&
          n.spec.policyTypes?.includes('Ingress') &&
          n.spec.policyTypes?.includes('Egress') &&
          !n.spec.ingress &&
          !n.spec.egress,
      )
    )
      p('no default-deny NetworkPolicy');
    for (const want of ['api', 'worker', 'sms-router', 'web'])
      if (!deployments.some((d) => d.metadata.name === want)) p(`no Deployment ${want}`);
    for (const want of ['api', 'worker'])
      if (!byKind('HorizontalPodAutoscaler').some((h) => h.spec.scaleTargetRef.name === want))
        p(`no HPA for ${want}`);
  }
  for (const job of byKind('Job')) {
    const c = job.spec.template.spec.containers[0];
    if (!/pa-api/.test(c.image) || !c.command?.includes('migrate'))
      p(`Job ${job.metadata.name} does not run the API image's migrations`);
  }
}

async function main() {
  const render = kustomizeCommand();
  if (render) {
    // Rendered the way tools/ops/k8s-release.sh deploys them: wrapped in a kustomization that sets
    // every image to <registry>/pa-<app>:<tag>.
    const work = mkdtempSync(path.join(k8s, 'overlays', '.release-check-'));
    const images = ['api', 'worker', 'sms-router', 'web']
      .map((a) => `  - name: pa-${a}\n    newName: registry.example.com/pa/pa-${a}\n    newTag: "0123abc"\n`)
      .join('');
    process.on('exit', () => rmSync(work, { recursive: true, force: true }));
    for (const o of OVERLAYS) {
      const dir = path.join(work, o.replace('/', '-'));
      mkdirSync(dir);
      writeFileSync(
        path.join(dir, 'kustomization.yaml'),
        `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../${o}\nimages:\n${images}`,
      );
      const r = render(dir);
      if (r.status !== 0) {
        problems.push(`overlays/${o}: kustomize failed: ${r.stderr.trim().split('\n')[0]}`);
        continue;
      }
      const list = parse(r.stdout, `overlays/${o}`);
      objects += list.length;
      for (const obj of list) await schemaValidate(obj, `overlays/${o} ${obj.kind}/${obj.metadata?.name}`);
      policies(list, `overlays/${o}`);
      process.stdout.write(
        `overlays/${o}: ${list.length} objects (${[...new Set(list.map((x) => x.kind))].join(', ')})\n`,
      );
    }
  } else {
    process.stdout.write(
      'no kustomize (kubectl ≥ 1.21 or kustomize ≥ 4): validating each file alone, overlays not rendered\n',
    );
  }
  // Every file on its own too (what a reviewer reads), whether or not kustomize ran; the rules then
  // apply to base + config, and to migrate + config, as sets.
  const files = {};
  for (const dir of ['base', 'config', 'migrate']) {
    files[dir] = [];
    for (const f of readdirSync(path.join(k8s, dir)).filter(
      (x) => x.endsWith('.yaml') && x !== 'kustomization.yaml',
    )) {
      const list = parse(readFileSync(path.join(k8s, dir, f), 'utf8'), `${dir}/${f}`);
      if (!render) objects += list.length;
      for (const obj of list) await schemaValidate(obj, `${dir}/${f} ${obj.kind}/${obj.metadata?.name}`);
      files[dir].push(...list);
    }
  }
  policies([...files.base, ...files.config], 'base + config (file)');
  policies([...files.migrate, ...files.config], 'migrate + config (file)');
}

await main();
for (const p of problems) process.stdout.write(`FAIL ${p}\n`);
process.stdout.write(`k8s-check: ${objects} objects, ${problems.length} problems\n`);
process.exit(problems.length ? 1 : 0);
