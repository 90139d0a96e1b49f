// A small WXML renderer: what a page's view layer shows for the data it was sent with setData.
// It keeps WXML's documented rules (https://developers.weixin.qq.com/miniprogram/dev/reference/wxml/):
// {{ }} data binding in text and attributes, wx:for with wx:for-item / wx:for-index (defaults
// `item` / `index`), wx:if / wx:elif / wx:else on siblings, <block> renders its children only.
// Bindings here are data paths (`a`, `m.data.text`, `list.length`), literals, `!x` and one comparison
// (`list.length === 0`), which is what hand-written pages and compilers such as uni-app emit (they
// compute expressions in the logic layer); any other expression, and <import>/<include>/<template>/
// <wxs>, throws instead of rendering something wrong.

const UNSUPPORTED_TAGS = new Set(['import', 'include', 'template', 'wxs']);

/** Parses WXML into a tree of {tag, attrs, children} and {text}. */
export function parseWxml(source) {
  const root = { tag: '#root', attrs: {}, children: [] };
  const stack = [root];
  const token = /<!--[\s\S]*?-->|<\/([\w-]+)\s*>|<([\w-]+)((?:\s+[\w:.-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)\s*(\/?)>|([^<]+)/g;
  let match;
  while ((match = token.exec(source))) {
    const [whole, closing, opening, attrText, selfClosing, text] = match;
    const parent = stack[stack.length - 1];
    if (whole.startsWith('<!--')) continue;
    if (closing) {
      if (parent.tag !== closing) throw new Error(`WXML: </${closing}> closes <${parent.tag}>`);
      stack.pop();
    } else if (opening) {
      if (UNSUPPORTED_TAGS.has(opening)) throw new Error(`WXML: <${opening}> is not rendered by this emulator`);
      const node = { tag: opening, attrs: parseAttributes(attrText), children: [] };
      parent.children.push(node);
      if (!selfClosing) stack.push(node);
    } else if (text.trim()) {
      parent.children.push({ text });
    }
  }
  if (stack.length !== 1) throw new Error(`WXML: <${stack[stack.length - 1].tag}> is never closed`);
  return root;
}

function parseAttributes(text) {
  const attrs = {};
  const attr = /([\w:.-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?/g;
  let match;
  while ((match = attr.exec(text))) attrs[match[1]] = match[2] ?? match[3] ?? '';
  return attrs;
}

const PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[\d+\])*$/;

const COMPARISON = /^(.+?)\s*(===|!==|==|!=|>=|<=|>|<)\s*(.+)$/;
const COMPARE = {
  '===': (a, b) => a === b,
  '!==': (a, b) => a !== b,
  '==': (a, b) => a == b, // eslint-disable-line eqeqeq
  '!=': (a, b) => a != b, // eslint-disable-line eqeqeq
  '>=': (a, b) => a >= b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '<': (a, b) => a < b
};

function evaluate(expression, scope) {
  const e = expression.trim();
  const comparison = COMPARISON.exec(e);
  if (comparison) return COMPARE[comparison[2]](evaluate(comparison[1], scope), evaluate(comparison[3], scope));
  if (e.startsWith('!')) return !evaluate(e.slice(1), scope);
  if (/^-?\d+(\.\d+)?$/.test(e)) return Number(e);
  if (/^'[^']*'$|^"[^"]*"$/.test(e)) return e.slice(1, -1);
  if (e === 'true' || e === 'false') return e === 'true';
  if (!PATH.test(e)) throw new Error(`WXML: the expression {{${e}}} is not a data path or literal`);
  let value = scope;
  for (const part of e.match(/[A-Za-z_$][\w$]*|\d+/g)) {
    if (value === undefined || value === null) return undefined;
    value = value[part];
  }
  return value;
}

/** "{{x}}" alone keeps the value's type (for wx:for, wx:if); mixed text becomes a string. */
function bind(text, scope) {
  const only = /^\s*\{\{([^}]*)\}\}\s*$/.exec(text);
  if (only) return evaluate(only[1], scope);
  return text.replace(/\{\{([^}]*)\}\}/g, (_, e) => show(evaluate(e, scope)));
}

/** How WXML prints a value in text: nothing for undefined and null. */
function show(value) {
  if (value === undefined || value === null) return '';
  return String(value);
}

/**
 * Renders the tree for `data` into plain elements {tag, attrs, children} and strings: bindings
 * resolved, wx:for expanded, wx:if branches chosen, blocks flattened.
 */
export function renderWxml(tree, data) {
  return renderChildren(tree.children, data);
}

function renderChildren(children, scope) {
  const out = [];
  let chainTaken = null; // null: not in a wx:if chain; true/false: whether a branch of it rendered
  for (const node of children) {
    if (node.text !== undefined) {
      chainTaken = null;
      out.push(bind(node.text, scope) + '');
      continue;
    }
    const a = node.attrs;
    if ('wx:if' in a) {
      chainTaken = Boolean(bind(a['wx:if'], scope));
      if (!chainTaken) continue;
    } else if ('wx:elif' in a || 'wx:else' in a) {
      if (chainTaken === null) throw new Error(`WXML: <${node.tag}> has wx:elif/wx:else without wx:if before it`);
      if (chainTaken) continue;
      chainTaken = 'wx:else' in a ? true : Boolean(bind(a['wx:elif'], scope));
      if (!chainTaken) continue;
    } else {
      chainTaken = null;
    }
    if ('wx:for' in a) {
      const list = bind(a['wx:for'], scope);
      const items = Array.isArray(list) ? list : typeof list === 'number' ? [...Array(list).keys()] : list ? Object.values(list) : [];
      items.forEach((item, index) => {
        const inner = Object.assign(Object.create(null), scope, { [a['wx:for-item'] || 'item']: item, [a['wx:for-index'] || 'index']: index });
        out.push(...renderElement(node, inner));
      });
    } else {
      out.push(...renderElement(node, scope));
    }
  }
  return out;
}

function renderElement(node, scope) {
  const children = renderChildren(node.children, scope);
  if (node.tag === 'block') return children;
  const attrs = {};
  for (const [name, value] of Object.entries(node.attrs)) {
    if (!name.startsWith('wx:')) attrs[name] = show(bind(value, scope));
  }
  return [{ tag: node.tag, attrs, children }];
}

/** The text a person sees in an element: its strings and its children's, in order. */
export function textOf(element) {
  if (typeof element === 'string') return element;
  return element.children.map(textOf).join('');
}

/** Every element matching `#id` or `.class`, in document order. */
export function select(elements, selector) {
  const found = [];
  const matches = (el) =>
    selector.startsWith('#') ? el.attrs.id === selector.slice(1) : selector.startsWith('.') && (el.attrs.class || '').split(/\s+/).includes(selector.slice(1));
  const walk = (list) => {
    for (const el of list) {
      if (typeof el === 'string') continue;
      if (matches(el)) found.push(el);
      walk(el.children);
    }
  };
  walk(elements);
  return found;
}
