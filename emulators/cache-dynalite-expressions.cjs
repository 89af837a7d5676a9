// Preloaded into dynalite (node -r): parses each distinct expression once instead of at every request.
//
// dynalite runs every request's update, condition, key condition, filter and projection expression through a PEG
// parser, and in a soak a quarter of its one JavaScript thread went there (bench/README.md). The services send a
// bounded set of expressions with new values each time, so the parsed tree is kept per parser, expression, attribute
// names and the types of the attribute values, and each request gets a copy of it bound to its own values, with the
// names and values it used marked used as the parser marks them. Parses that read a value beyond its type (BETWEEN
// compares its bounds, attribute_type reads the type it names) and parses that fail are never kept.
'use strict';
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

    const key = keyOf(expression, context);
    let entry = parsed.get(key);
    if (entry === undefined) {
      const { result, usedNames, usedValues } = parseNoting(parse, this, expression, context);
      markUsed(context, usedNames, usedValues);
      if (typeof result !== 'object' || result === null) return result;
      entry = { tree: result, values: context.attrVals ?? {}, usedNames, usedValues };
      if (parsed.size >= MaxExpressionsPerParser) parsed.delete(parsed.keys().next().value);
      parsed.set(key, entry);
    } else {
      // Kept as the newest, so expressions sent once each (the coach's session names) push out only each other.
      parsed.delete(key);
      parsed.set(key, entry);
      markUsed(context, entry.usedNames, entry.usedValues);
    }
    const values = context.attrVals ?? {};
    const rebound = new Map(Object.keys(entry.values).map(k => [entry.values[k], values[k]]));
    return bind(entry.tree, rebound);
  };
}

// Everything the parser's outcome depends on besides the values' content: the names' targets and the values' types.
function keyOf(expression, context) {
  let types = '';
  const values = context.attrVals ?? {};
  for (const k of Object.keys(values)) {
    const value = values[k];
    types += k + '=' + (value && typeof value === 'object' ? Object.keys(value).filter(t => value[t] != null).join('+') : typeof value) + ';';
  }
  return expression + '\u0000' + (context.isKeyCondition ? 'key' : '') + '\u0000' + JSON.stringify(context.attrNames ?? null) + '\u0000' + types;
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

// A copy of the tree with each value of the request it was parsed for replaced by this request's.
function bind(node, rebound) {
  if (node === null || typeof node !== 'object') return node;
  if (rebound.has(node)) return rebound.get(node);
  if (Array.isArray(node)) return node.map(child => bind(child, rebound));
  const copy = Object.create(Object.getPrototypeOf(node));
  for (const k of Object.keys(node)) copy[k] = bind(node[k], rebound);
  return copy;
}
