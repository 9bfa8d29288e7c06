// The search page (/soeg/): searches the index Pagefind writes into the
// published site (pagefind/, made by `make publish`) and draws the results
// as a list of headed links with excerpts. The address carries the query
// (/soeg/?q=bryggeri), so a search can be linked to, reloaded and shared.
//
// Pagefind stems the page's language: the Danish page is lang="da", so it
// loads the Danish index, and "bryggeri" also finds "bryggerier". It loads
// only the parts of the index a query needs, and the text of a result only
// when it is shown, ten at a time.
//
// Two things are added to Pagefind's search. A query typed without æ, ø
// and å, as on a foreign keyboard ("foedevarer"), is also searched with
// them ("fødevarer"). And a result is kept only if a word it matched is
// the query's word or a form of it: when a word is in no page, Pagefind
// falls back on its longest prefix that is, and "vindmølle" would list
// every page with "vi".
//
// Everything is drawn with DOM methods; nothing from the index is parsed as
// markup into the page, except <mark> around the matched words, which is
// rebuilt from the excerpt's text.
//
// The messages are the page's language's: the page passes them in data-
// attributes of .search, from i18n/<language>.toml (layouts/search.html).

const PAGE = 10;

// CHECKED is how many results are read to see that they match the query's
// words, not a short prefix of them; a query finding more is common
// enough to need no such check.
const CHECKED = 60;

// danishLetters writes a query typed without æ, ø and å with them.
function danishLetters(q) {
  return q.replace(/ae/g, "æ").replace(/oe/g, "ø").replace(/aa/g, "å")
    .replace(/Ae/g, "Æ").replace(/Oe/g, "Ø").replace(/Aa/g, "Å");
}

function words(q) {
  return q.toLocaleLowerCase().normalize("NFC").split(/[\s\p{P}]+/u).filter(Boolean);
}

// close reports whether a word a result matched is the query's word or a
// form of it: they share all of a short word, or all but its last four
// letters (Danish endings: "bryggerierne" and "bryggerier"), never just a
// prefix Pagefind fell back on ("vi" for "vindmølle").
function close(queryWord, matched) {
  let n = 0;
  while (n < queryWord.length && n < matched.length && queryWord[n] === matched[n]) n++;
  return n >= Math.min(queryWord.length, Math.max(4, queryWord.length - 4));
}

// matches reports whether a result's matched words are each close to one
// of the query's words.
function matches(data, queries) {
  const text = data.content.toLocaleLowerCase().normalize("NFC").split(/\s+/);
  const matched = (data.locations || []).flatMap((i) => (text[i] || "").split(/[\p{P}]+/u)).filter(Boolean);
  return queries.some((q) => words(q).every((w) => matched.some((m) => close(w, m))));
}

// find searches each form of the query and keeps the results that match
// its words, best first, each with its data; null when a newer query took
// over.
async function find(q, wait) {
  const forms = [...new Set([q, danishLetters(q)])];
  const first = await pagefind.debouncedSearch(q, {}, wait);
  if (first === null) return null;
  const all = new Map(first.results.map((r) => [r.id, r]));
  for (const form of forms.slice(1)) {
    for (const r of (await pagefind.search(form)).results) {
      if (!all.has(r.id) || all.get(r.id).score < r.score) all.set(r.id, r);
    }
  }
  const results = [...all.values()].sort((a, b) => b.score - a.score);
  if (results.length > CHECKED) return results.map((r) => ({ data: () => r.data() }));
  const data = await Promise.all(results.map((r) => r.data()));
  return data.filter((d) => matches(d, forms)).map((d) => ({ data: async () => d }));
}

const form = document.querySelector(".search-form");
const input = document.getElementById("soeg-felt");
const status = document.querySelector(".search-status");
const list = document.querySelector(".search-results");
const more = document.querySelector(".search-more button");
const noIndex = document.querySelector(".search-note:not(.search-note--noscript)");
const messages = document.querySelector(".search").dataset;

// The bundle sits beside js/ at the site's root, under any base path.
const bundle = new URL("../pagefind/pagefind.js", import.meta.url).href;

let pagefind = null;
let current = null; // {query, results, shown}
let runs = 0; // each query's number: a slower, older one never wins

async function load() {
  try {
    const mod = await import(bundle);
    // A site built without `make publish` has a stand-in that says so.
    if (mod.notBuilt) return null;
    await mod.options({ excerptLength: 24 });
    mod.init();
    return mod;
  } catch (err) {
    console.warn(messages.loadWarning, err);
    return null;
  }
}

// fill puts values into a message in order: each %s, %d or %v takes the
// next, and %% is a percent sign.
function fill(message, ...values) {
  let i = 0;
  return message.replace(/%([sdv%])/g, (_, verb) => (verb === "%" ? "%" : String(values[i++])));
}

function say(text) {
  status.textContent = text;
}

function countText(n, q) {
  if (n === 0) return fill(messages.noResults, q);
  return fill(n === 1 ? messages.singleResult : messages.results, n, q);
}

// excerpt turns Pagefind's excerpt, text with <mark> around the matched
// words, into nodes: text stays text, and only <mark> survives, without the
// punctuation Pagefind marks with a word ("bryggeri," marks "bryggeri").
function excerpt(html) {
  const doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
  const out = document.createDocumentFragment();
  for (const node of doc.body.firstChild.childNodes) {
    if (node.nodeName === "MARK") {
      const [, word, tail] = node.textContent.match(/^(.*?)([\p{P}\s]*)$/su);
      if (word) {
        const m = document.createElement("mark");
        m.textContent = word;
        out.append(m);
      }
      out.append(tail);
    } else {
      out.append(node.textContent);
    }
  }
  return out;
}

// metaLine says what a result is and which edition it belongs to:
// "Case · Samarbejdsprojekter · 2016".
function metaLine(meta) {
  return [meta.type, meta.udgave].filter(Boolean).join(" · ");
}

function item(data) {
  const li = document.createElement("li");
  li.className = "search-result";
  const h = document.createElement("h2");
  h.className = "search-result__title";
  const a = document.createElement("a");
  a.href = data.url;
  a.textContent = data.meta.title || data.url;
  h.append(a);
  li.append(h);
  const kind = metaLine(data.meta);
  if (kind) {
    const p = document.createElement("p");
    p.className = "search-result__meta";
    p.textContent = kind;
    li.append(p);
  }
  if (data.excerpt) {
    const p = document.createElement("p");
    p.className = "search-result__excerpt";
    p.append(excerpt(data.excerpt));
    li.append(p);
  }
  return li;
}

// showMore draws the next results; with focus, it moves focus to the first
// of them, for a reader who asked for more.
async function showMore(search, focus) {
  const batch = search.results.slice(search.shown, search.shown + PAGE);
  const data = await Promise.all(batch.map((r) => r.data()));
  if (search !== current) return; // a newer query took over
  const items = data.map(item);
  list.append(...items);
  search.shown += batch.length;
  list.hidden = search.shown === 0;
  more.parentElement.hidden = search.shown >= search.results.length;
  if (focus && items.length > 0) items[0].querySelector("a").focus();
}

function remember(q) {
  const url = new URL(location.href);
  if (q) url.searchParams.set("q", q);
  else url.searchParams.delete("q");
  history.replaceState(null, "", url);
}

async function run(raw, wait) {
  const q = raw.trim();
  remember(q);
  if (!q) {
    current = null;
    list.replaceChildren();
    list.hidden = true;
    more.parentElement.hidden = true;
    say("");
    return;
  }
  const run = ++runs;
  let found;
  try {
    found = await find(q, wait);
  } catch (err) {
    console.warn(messages.searchWarning, err);
    say(messages.failed);
    return;
  }
  if (found === null || run !== runs) return; // a newer keystroke took over
  const search = { query: q, results: found, shown: 0 };
  current = search;
  list.replaceChildren();
  await showMore(search, false);
  if (search === current) say(countText(search.results.length, q));
}

async function main() {
  pagefind = await load();
  if (!pagefind) {
    noIndex.hidden = false;
    return;
  }
  form.hidden = false;
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    run(input.value, 0);
  });
  input.addEventListener("input", () => run(input.value, 300));
  more.addEventListener("click", () => {
    if (current) showMore(current, true);
  });
  const q = new URLSearchParams(location.search).get("q");
  if (q) {
    input.value = q;
    run(q, 0);
  }
}

main();
