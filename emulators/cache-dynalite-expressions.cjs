// Preloaded into dynalite (node -r): parses each distinct expression once instead of at every request.
//
// dynalite runs every request's update, condition, key condition, filter and projection expression through a PEG
// parser, and in a soak a quarter of its one JavaScript thread went there (bench/README.md). The services send a
// bounded set of expressions with new values, and some with new attribute names (the coach names each session's
// attribute after its reading), each time. So the parsed tree is kept per parser, expression, which placeholders name
// the same attribute, and the types of the attribute values, and each request gets a copy of it bound to its own names
// and values, with the names and values it used marked used as the parser marks them. The parser compares names only
// with each other (overlapping paths, distinct operands), so it parses with stand-ins that keep which names are equal;
// when a name is also written literally in the expression, or is empty, the names themselves are the key instead.
// Parses that read a value beyond its type (BETWEEN compares its bounds, attribute_type reads the type it names) and
// parses that fail are never kept.
'use strict';
require('./patched-version.cjs')('dynalite', '4.0.0', __filename);
const path = require('node:path');

const dynalite = path.dirname(require.resolve('dynalite/package.json'));
const MaxExpressionsPerParser = 10_000;
const ReadsValueContent = /between|attribute_type/i;

for (const name of ['conditionParser', 'updateParser', 'projectionParser']) {
  const parser = require(path.join(dynalite, 'db', name));
  const parse = parser.parse;
  const parsed = new Map();

  parser.parse = function (expression, options) {
    const context = options.context;
    if (ReadsValueContent.test(expression)) return parse.call(this, expression, options);

    const names = standInsFor(expression, context.attrNames);
    const key = keyOf(expression, context, names);
    let entry = parsed.get(key);
    if (entry === undefined) {
      const { result, usedNames, usedValues } = parseNoting(parse, this, expression, { ...context, attrNames: names.standIns });
      // A failed parse's message names the attributes: parsed again with the request's own.
      if (typeof result !== 'object' || result === null) return parse.call(this, expression, options);
      markUsed(context, usedNames, usedValues);
      entry = { tree: result, values: context.attrVals ?? {}, usedNames, usedValues };
      if (parsed.size >= MaxExpressionsPerParser) parsed.delete(parsed.keys().next().value);
      parsed.set(key, entry);
    } else {
      // Kept as the newest, so expressions sent once each push out only each other, not the ones sent all the time.
      parsed.delete(key);
      parsed.set(key, entry);
      markUsed(context, entry.usedNames, entry.usedValues);
    }
    const values = context.attrVals ?? {};
    const rebound = new Map(Object.keys(entry.values).map(k => [entry.values[k], values[k]]));
    return bind(entry.tree, rebound, names.real);
  };
}

const StandIn = '\u0000name';
const literalsOf = new Map();

// Each distinct attribute name gets a stand-in no literal name can equal (NUL is outside the grammar's names), so the
// parse's comparisons come out as with the names; the pattern (which placeholder has which stand-in) goes in the key.
function standInsFor(expression, attrNames) {
  if (attrNames == null) return { standIns: attrNames, real: null, pattern: 'none' };
  const placeholders = Object.keys(attrNames);
  const names = placeholders.map(k => attrNames[k]);
  const literals = literalNamesIn(expression);
  if (names.some(name => typeof name !== 'string' || name === '' || literals.has(name))) {
    return { standIns: attrNames, real: null, pattern: JSON.stringify(attrNames) };
  }
  const distinct = [...new Set(names)];
  const standIns = Object.fromEntries(placeholders.map((k, i) => [k, StandIn + distinct.indexOf(names[i])]));
  return { standIns, real: new Map(distinct.map((name, i) => [StandIn + i, name])), pattern: JSON.stringify(standIns) };
}

// The words of the expression that are not placeholders: literal attribute names, and keywords besides.
function literalNamesIn(expression) {
  let literals = literalsOf.get(expression);
  if (literals === undefined) {
    literals = new Set(expression.match(/(?<![#:\w])[A-Za-z_]\w*/g) ?? []);
    if (literalsOf.size >= MaxExpressionsPerParser) literalsOf.clear();
    literalsOf.set(expression, literals);
  }
  return literals;
}

// Everything the parser's outcome depends on besides the values' content and the names themselves: which placeholders
// name the same attribute, and the values' types.
function keyOf(expression, context, names) {
  let types = '';
  const values = context.attrVals ?? {};
  for (const k of Object.keys(values)) {
    const value = values[k];
    types += k + '=' + (value && typeof value === 'object' ? Object.keys(value).filter(t => value[t] != null).join('+') : typeof value) + ';';
  }
  return expression + '\u0000' + (context.isKeyCondition ? 'key' : '') + '\u0000' + names.pattern + '\u0000' + types;
}

// Parses with every name and value unused, so what this expression uses is known whatever was parsed before it.
function parseNoting(parse, parser, expression, context) {
  const unusedAttrNames = Object.fromEntries(Object.keys(context.attrNames ?? {}).map(k => [k, true]));
  const unusedAttrVals = Object.fromEntries(Object.keys(context.attrVals ?? {}).map(k => [k, true]));
  const result = parse.call(parser, expression, { context: { ...context, unusedAttrNames, unusedAttrVals } });
  return {
    result,
    usedNames: Object.keys(context.attrNames ?? {}).filter(k => !(k in unusedAttrNames)),
    usedValues: Object.keys(context.attrVals ?? {}).filter(k => !(k in unusedAttrVals)),
  };
}

function markUsed(context, usedNames, usedValues) {
  for (const k of usedNames) delete context.unusedAttrNames[k];
  for (const k of usedValues) delete context.unusedAttrVals[k];
}

// A copy of the tree with each value of the request it was parsed for replaced by this request's, and each stand-in by
// its name (in paths, and as the keys of the parser's sets of path heads).
function bind(node, rebound, real) {
  if (typeof node === 'string') return real?.get(node) ?? node;
  if (node === null || typeof node !== 'object') return node;
  if (rebound.has(node)) return rebound.get(node);
  if (Array.isArray(node)) return node.map(child => bind(child, rebound, real));
  const copy = Object.create(Object.getPrototypeOf(node));
  for (const k of Object.keys(node)) copy[real?.get(k) ?? k] = bind(node[k], rebound, real);
  return copy;
}
