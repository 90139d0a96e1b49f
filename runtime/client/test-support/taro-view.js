// What a Taro mini-program page shows. Taro renders through generic WXML templates (base.wxml) from
// one node tree the page sends with setData under `root`: each element {nn: its tag (coded), uid:
// its id, cl: its class, cn: its children}, each text node {v: the text}. This reads that tree the
// way the templates render it, so a test can ask for the text of `#id` or `.class`.

/** Text of each element matching `#id` or `.class` in the page's view data, in document order. */
export function taroTexts(viewData, selector) {
  const found = [];
  const matches = (node) =>
    selector.startsWith('#') ? node.uid === selector.slice(1) : (node.cl || '').split(/\s+/).includes(selector.slice(1));
  const walk = (nodes) => {
    for (const node of nodes || []) {
      if (node.cn && matches(node)) found.push(textOf(node));
      walk(node.cn);
    }
  };
  walk(viewData.root ? viewData.root.cn : []);
  return found;
}

function textOf(node) {
  if (typeof node.v === 'string') return node.v;
  return (node.cn || []).map(textOf).join('');
}
