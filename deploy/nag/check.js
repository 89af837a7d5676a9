// Runs cdk-nag's AWS Solutions pack on synthesized templates and writes the findings of each as JSON:
//   node check.js <template.json> <findings.json> [<template.json> <findings.json> ...]
//     →   [{ "rule": "AwsSolutions-IAM5[Resource::*]", "resource": "<logical id>" }] for each template
// Each template is included as L1 resources in a stack of its own, the way cdk-nag sees any CloudFormation. One run takes
// them all: loading the CDK's library is most of its time.
const fs = require('fs');
const os = require('os');
const path = require('path');
const cdk = require('aws-cdk-lib');
const { CfnInclude } = require('aws-cdk-lib/cloudformation-include');
const { AwsSolutionsChecks } = require('cdk-nag');

function check(templatePath, findingsPath) {
  const template = JSON.parse(fs.readFileSync(templatePath, 'utf8'));
  // The including stack brings its own bootstrap version check.
  delete template.Parameters?.BootstrapVersion;
  delete template.Rules;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gymiot-nag-'));
  const included = path.join(work, 'template.json');
  fs.writeFileSync(included, JSON.stringify(template));

  const outdir = path.join(work, 'out');
  const app = new cdk.App({ outdir, context: { '@aws-cdk/core:validationReportJson': true } });
  const stack = new cdk.Stack(app, 'Checked');
  new CfnInclude(stack, 'Stack', { templateFile: included });
  cdk.Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  try {
    app.synth();
  } catch {
    // A failed validation ends the synthesis; its findings are in the report.
  }

  const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
  const findings = report.pluginReports.flatMap(plugin => plugin.violations.flatMap(violation =>
    violation.violatingConstructs.map(construct => ({ rule: violation.ruleName, resource: construct.constructPath.split('/').pop() }))));
  fs.writeFileSync(findingsPath, JSON.stringify(findings, null, 1));
  fs.rmSync(work, { recursive: true, force: true });
}

const paths = process.argv.slice(2);
if (paths.length === 0 || paths.length % 2 !== 0) {
  console.error('usage: node check.js <template.json> <findings.json> [<template.json> <findings.json> ...]');
  process.exit(2);
}
for (let i = 0; i + 1 < paths.length; i += 2) {
  check(paths[i], paths[i + 1]);
}
