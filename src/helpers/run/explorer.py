"""The claims explorer: ``reports/explorer.html``, one self-contained page that works from ``file://``.

Every claim is one element (``data-claim-id``) with free-text search and filters (claimant, category,
topic, outlet, date range — on `claimed_on`, when the claim was made, with the period the figure refers to
shown beside it, never a date the sentence merely mentions); a claim opens to its sentence with the figure and the claimant highlighted,
and the article's title, outlet, date and URL. A second tab lists the statements the same way; topics link
to their claims. Filters can be preset in the URL (``explorer.html#q=kirby&category=personnel``). The data sits in a JSON block (``<`` escaped), the page's own script inserts article text
only as text nodes (never as HTML), and a Content-Security-Policy admits that one script by its hash.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
from pathlib import Path

import pandas as pd

from helpers.core import tables
from helpers.core.display import article_label

_SCRIPT = r"""
(function(){
var D=JSON.parse(document.getElementById('wc-data').textContent);
function el(t,a,txt){var e=document.createElement(t);if(a)for(var k in a)e.setAttribute(k,a[k]);if(txt!=null)e.textContent=txt;return e;}
function marked(s,spans){var box=el('p',{'class':'sent'});spans=spans.filter(function(x){return x[0]>=0&&x[1]>x[0];}).sort(function(a,b){return a[0]-b[0];});
 var pos=0;spans.forEach(function(x){if(x[0]<pos)return;box.appendChild(document.createTextNode(s.slice(pos,x[0])));box.appendChild(el('mark',{'class':x[2]},s.slice(x[0],x[1])));pos=x[1];});
 box.appendChild(document.createTextNode(s.slice(pos)));return box;}
function source(a){var d=el('div',{'class':'src'});d.appendChild(el('strong',null,a.title||'(untitled article)'));
 d.appendChild(document.createTextNode(' — '+(a.outlet||'outlet unknown')+' · '+(a.published||'date unknown')+' '));
 if(a.url&&/^https?:\/\//i.test(a.url)){var l=el('a',{'href':a.url,'rel':'noopener noreferrer'},'open article');d.appendChild(l);}return d;}
function opts(sel,vals){vals.forEach(function(v){sel.appendChild(el('option',{'value':v},v));});}
function uniq(rows,k){var s={};rows.forEach(function(r){if(r[k])s[r[k]]=1;});return Object.keys(s).sort();}
var C=D.claims,S=D.statements,A=D.articles;
var f={q:document.getElementById('q'),claimant:document.getElementById('f-claimant'),category:document.getElementById('f-category'),
 topic:document.getElementById('f-topic'),outlet:document.getElementById('f-outlet'),from:document.getElementById('f-from'),to:document.getElementById('f-to')};
opts(f.claimant,uniq(C,'claimant'));opts(f.category,uniq(C,'category'));opts(f.topic,uniq(C,'topic'));
opts(f.outlet,uniq(C.map(function(c){return {o:(A[c.article_id]||{}).outlet};}),'o'));
var list=document.getElementById('claims'),count=document.getElementById('count');
C.forEach(function(c){var a=A[c.article_id]||{};var d=el('details',{'class':'claim','data-claim-id':c.claim_id});
 var s=el('summary');s.appendChild(el('span',{'class':'fig'},c.text));s.appendChild(document.createTextNode(' '+(c.unit||'')+' — '));
 s.appendChild(el('span',{'class':'who'},c.claimant));s.appendChild(document.createTextNode(' · '+(c.category||'')+' · '));
 if(c.topic){var t=el('a',{'href':'#','class':'topic'},c.topic);t.addEventListener('click',function(ev){ev.preventDefault();f.topic.value=c.topic;show('claims');apply();});
  s.appendChild(t);s.appendChild(document.createTextNode(' · '));}
 s.appendChild(document.createTextNode((a.outlet||'')+' '+(c.date?'claimed '+c.date:'')+(c.refers_to?' · refers to '+c.refers_to:'')));d.appendChild(s);
 var spans=[[c.fig_start,c.fig_end,'figure']];var i=c.sentence.indexOf(c.claimant);if(i>=0)spans.push([i,i+c.claimant.length,'claimant']);
 d.appendChild(marked(c.sentence,spans));d.appendChild(source(a));
 c._hay=[c.sentence,c.claimant,c.topic,a.title,a.outlet].join(' ').toLowerCase();c._el=d;list.appendChild(d);});
function apply(){var q=f.q.value.trim().toLowerCase(),n=0;C.forEach(function(c){var a=A[c.article_id]||{};var ok=(!q||c._hay.indexOf(q)>=0)
 &&(!f.claimant.value||c.claimant===f.claimant.value)&&(!f.category.value||c.category===f.category.value)&&(!f.topic.value||c.topic===f.topic.value)
 &&(!f.outlet.value||a.outlet===f.outlet.value)&&(!f.from.value||(c.date&&c.date>=f.from.value))&&(!f.to.value||(c.date&&c.date<=f.to.value));
 c._el.hidden=!ok;if(ok)n++;});count.textContent=n+' of '+C.length+' claims';}
for(var k in f){f[k].addEventListener('input',apply);f[k].addEventListener('change',apply);}
var sl=document.getElementById('statements');S.forEach(function(x){var a=A[x.article_id]||{};var d=el('details',{'class':'statement','data-statement-id':x.statement_id});
 var s=el('summary');s.appendChild(el('span',{'class':'who'},x.speaker));s.appendChild(document.createTextNode(' '+(x.cue||'')+': '+x.content.slice(0,140)));d.appendChild(s);
 d.appendChild(marked(x.content,[]));d.appendChild(source(a));sl.appendChild(d);});
function show(which){['claims','statements'].forEach(function(w){document.getElementById('tab-'+w).hidden=(w!==which);
 document.getElementById('btn-'+w).setAttribute('aria-selected',w===which?'true':'false');});}
document.getElementById('btn-claims').addEventListener('click',function(){show('claims');});
document.getElementById('btn-statements').addEventListener('click',function(){show('statements');});
(location.hash.slice(1)||'').split('&').forEach(function(kv){var p=kv.split('=');var k=decodeURIComponent(p[0]||''),v=decodeURIComponent(p[1]||'');
 var key={q:'q',claimant:'claimant',category:'category',topic:'topic',outlet:'outlet',from:'from',to:'to'}[k];if(key)f[key].value=v;});
apply();
})();
"""


def shared_topics(ledger: pd.DataFrame) -> dict[str, str]:
    """claim_id -> its ledger topic, for claims that share one: a claim alone in its topic has the claim id in the
    topic's name, so there is no topic to link or filter by."""
    return {cid: t for cid, t in zip(ledger.claim_id, ledger.topic) if not str(t).endswith(f"| {cid}")}


def _csp(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    return (f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; img-src data:; "
            "object-src 'none'; base-uri 'none'; form-action 'none'")


def _str(v):
    return None if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)


def refers_to_label(row) -> str | None:
    """The period a figure describes (``claims_ledger.refers_to_*``) at its precision: "2024-10" for a
    month, "2024" for a year, "2024-11-01" for a day, "2024-01-01 – 2024-03-05" for a longer span."""
    start, end, precision = (getattr(row, k, None) for k in ("refers_to_start", "refers_to_end", "refers_to_precision"))
    if start is None or pd.isna(start) or precision in (None, "none"):
        return None
    start = pd.Timestamp(start).date()
    end = pd.Timestamp(end).date() if end is not None and pd.notna(end) else start
    if precision == "year" and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    if precision == "month" and start.day == 1 and (start.year, start.month) == (end.year, end.month):
        return f"{start.year:04d}-{start.month:02d}"
    return start.isoformat() if start == end else f"{start.isoformat()} – {end.isoformat()}"


def explorer_data(processed_dir: str | Path) -> dict:
    """Claims, statements and articles as the explorer's JSON (only what the page shows)."""
    def read(name, columns=None):  # only the columns the page shows (the sentences are read without their text)
        path = tables.table_path(name, processed_dir)
        return tables.read_table(name, processed_dir, columns) if path.exists() else None
    arts = read("articles", ["article_id", "title", "text", "outlet", "url", "published"])
    claims = read("claims", ["claim_id", "article_id", "sentence_id", "start_char", "end_char", "text", "unit",
                             "category", "claimant", "sentence"])
    sents = read("sentences", ["article_id", "sentence_id", "start_char"])
    ledger = read("claims_ledger", ["claim_id", "topic", "claimed_on", "refers_to_start", "refers_to_end",
                                    "refers_to_precision"])
    statements = read("statements", ["statement_id", "article_id", "speaker", "cue", "content"])
    articles = {}
    if arts is not None:
        for a in arts.itertuples(index=False):
            articles[a.article_id] = {"title": article_label(a.title, a.text, 120) or None,
                                      "outlet": _str(a.outlet), "url": _str(a.url),
                                      "published": _str(a.published.isoformat() if pd.notna(a.published) else None)}
    out_claims = []
    if claims is not None:
        starts = {(s.article_id, s.sentence_id): s.start_char for s in sents.itertuples(index=False)} \
            if sents is not None else {}
        topics = shared_topics(ledger) if ledger is not None else {}
        when = {r.claim_id: r for r in ledger.itertuples(index=False)} if ledger is not None else {}
        for c in claims.itertuples(index=False):
            s0 = starts.get((c.article_id, c.sentence_id))
            off = (c.start_char - s0, c.end_char - s0) if s0 is not None else (-1, -1)
            row = when.get(c.claim_id)
            d = getattr(row, "claimed_on", None)  # when the claim was made, never a date the sentence mentions
            out_claims.append({"claim_id": c.claim_id, "article_id": c.article_id, "text": c.text,
                               "unit": _str(c.unit), "category": _str(c.category), "claimant": c.claimant,
                               "topic": _str(topics.get(c.claim_id)), "sentence": c.sentence,
                               "fig_start": int(off[0]), "fig_end": int(off[1]),
                               "date": d.isoformat() if d is not None and pd.notna(d) else
                               articles.get(c.article_id, {}).get("published"),
                               "refers_to": refers_to_label(row) if row is not None else None})
    out_statements = []
    if statements is not None:
        for s in statements.itertuples(index=False):
            out_statements.append({"statement_id": s.statement_id, "article_id": s.article_id, "speaker": s.speaker,
                                   "cue": _str(s.cue), "content": s.content})
    return {"claims": out_claims, "statements": out_statements, "articles": articles}


def build_explorer(processed_dir: str | Path, reports_dir: str | Path, nav: str = "") -> Path:
    """Write ``reports/explorer.html`` from the tables in ``processed_dir``."""
    data = json.dumps(explorer_data(processed_dir), ensure_ascii=False, default=str)
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{html.escape(_csp(_SCRIPT), quote=True)}">
<title>Claims explorer · warclaims</title>
<style>body{{font-family:sans-serif;margin:0;color:#222}} main{{max-width:1100px;margin:1em auto;padding:0 1em}}
nav.wc-nav{{font-size:14px;padding:.5em 1em;background:#f3f3f3;border-bottom:1px solid #ccc}} nav.wc-nav a{{margin-right:1em;color:#0b4f8a}}
.filters{{display:flex;flex-wrap:wrap;gap:.5em;margin:.5em 0}} .filters input,.filters select{{padding:.3em}} #q{{flex:1 1 20em}}
details{{border-bottom:1px solid #ddd;padding:.4em 0}} summary{{cursor:pointer}} .fig{{font-weight:bold}} .who{{color:#0b4f8a}}
mark.figure{{background:#ffe08a}} mark.claimant{{background:#bde0ff}} .sent{{margin:.4em 1em;line-height:1.5}} .src{{margin:0 1em .4em;font-size:90%;color:#444}}
button[aria-selected=true]{{font-weight:bold}}</style></head><body>
{nav}
<main><h1>Claims explorer</h1>
<p><button id="btn-claims" aria-selected="true">Claims</button> <button id="btn-statements" aria-selected="false">Statements</button></p>
<section id="tab-claims"><div class="filters">
<input id="q" type="search" placeholder="Search claims, claimants, topics, titles…" aria-label="search">
<select id="f-claimant" aria-label="claimant"><option value="">any claimant</option></select>
<select id="f-category" aria-label="category"><option value="">any category</option></select>
<select id="f-topic" aria-label="topic"><option value="">any topic</option></select>
<select id="f-outlet" aria-label="outlet"><option value="">any outlet</option></select>
<label>from <input id="f-from" type="date"></label><label>to <input id="f-to" type="date"></label></div>
<p id="count"></p><div id="claims"></div></section>
<section id="tab-statements" hidden><div id="statements"></div></section></main>
<script type="application/json" id="wc-data">{data}</script>
<script>{_SCRIPT}</script>
</body></html>
"""
    out = Path(reports_dir) / "explorer.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return out
