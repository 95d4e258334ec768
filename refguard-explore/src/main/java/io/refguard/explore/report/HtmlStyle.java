package io.refguard.explore.report;

/**
 * The inline style sheet and script of {@link HtmlRenderer}'s pages: nothing is loaded from
 * elsewhere.
 */
final class HtmlStyle {

    private HtmlStyle() {}

    static final String CSS =
            String.join(
                    "\n",
                    ":root{--fg:#1d2430;--muted:#5b6575;--line:#d9dee7;--bg:#f6f7fa;--card:#fff;--bad:#b42318;",
                    "--badbg:#fef3f2;--ok:#067647;--okbg:#ecfdf3;--pre:#b54708;--prebg:#fffaeb;",
                    "--l0:#2e6fd8;--l1:#c2410c;--l2:#0f8a5f;--l3:#8a3ffc;--l4:#b8860b;--l5:#d6336c;--l6:#0e7490;--l7:#4d5562}",
                    "*{box-sizing:border-box}",
                    "body{margin:0;padding:24px 32px 40px;font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,"
                            + "'Helvetica Neue',Arial,sans-serif;color:var(--fg);background:var(--bg)}",
                    "code,.loc,.stack{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,'DejaVu Sans Mono',monospace;"
                            + "font-size:12.5px}",
                    "header{margin-bottom:18px}",
                    ".brand{margin:0 0 4px;color:var(--muted);font-size:12px;letter-spacing:.08em;text-transform:uppercase}",
                    "h1{margin:0 0 6px;font-size:22px;font-weight:650}",
                    "h1 q{quotes:'\\201C' '\\201D'}",
                    ".verdict{display:inline-block;margin-left:6px;padding:2px 10px;border-radius:999px;font-size:14px;"
                            + "font-weight:600;vertical-align:middle}",
                    ".verdict.fail{color:var(--bad);background:var(--badbg);border:1px solid #fecdca}",
                    ".verdict.pass{color:var(--ok);background:var(--okbg);border:1px solid #abefc6}",
                    ".meta{margin:0;color:var(--muted)}",
                    ".stat{display:inline-block;margin-right:4px;padding:0 8px;border:1px solid var(--line);"
                            + "border-radius:6px;background:var(--card)}",
                    ".note{margin:8px 0 0;padding:6px 10px;border-left:3px solid var(--pre);background:var(--prebg)}",
                    "section{margin:0 0 18px;padding:14px 18px;background:var(--card);border:1px solid var(--line);"
                            + "border-radius:10px}",
                    "h2{margin:0 0 8px;font-size:16px}",
                    "h3{margin:12px 0 4px;font-size:13px;color:var(--muted);font-weight:600}",
                    ".failure{border-left:4px solid var(--bad)}",
                    ".failure .kind{color:var(--bad)}",
                    ".failure .on{color:var(--muted);font-weight:400}",
                    ".summary{margin:0 0 6px;font-weight:600;white-space:pre-wrap;overflow-wrap:anywhere}",
                    ".at{margin:0 0 8px;color:var(--muted)}",
                    ".detail{margin:2px 0;white-space:pre-wrap;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px}",
                    "table.sites{border-collapse:collapse;margin:6px 0}",
                    "table.sites th{text-align:left;font-weight:600;padding:3px 14px 3px 0;color:var(--muted);white-space:nowrap;"
                            + "vertical-align:top}",
                    "table.sites td{padding:3px 0}",
                    "ol.records{margin:4px 0;padding-left:22px}",
                    "ol.records li{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px;margin:1px 0}",
                    ".token-line{margin:0 0 6px;display:flex;gap:8px;align-items:center;flex-wrap:wrap}",
                    "#replay-token{padding:4px 8px;background:var(--bg);border:1px solid var(--line);border-radius:6px;"
                            + "user-select:all;overflow-wrap:anywhere}",
                    "button{font:inherit;font-size:12.5px;padding:3px 12px;border:1px solid #b7c0cd;border-radius:6px;"
                            + "background:#fff;cursor:pointer}",
                    "button:hover{background:var(--bg)}",
                    ".how{margin:0;padding-left:18px;color:var(--muted);font-size:12.5px;overflow-wrap:anywhere}",
                    ".how li{margin:1px 0}",
                    ".legend{margin:0 0 10px;color:var(--muted)}",
                    ".tools{margin-left:8px}",
                    "table.lanes{border-collapse:separate;border-spacing:0;width:100%;table-layout:fixed}",
                    "table.lanes th,table.lanes td{padding:5px 8px;border-bottom:1px solid #eef1f5;vertical-align:top;text-align:left}",
                    "table.lanes thead th{position:sticky;top:0;background:var(--card);z-index:1;font-size:13px;"
                            + "border-bottom:2px solid var(--line)}",
                    "table.lanes th.no,table.lanes td.no{width:92px;color:var(--muted);white-space:nowrap;"
                            + "font-variant-numeric:tabular-nums}",
                    "th.lane{border-top:4px solid var(--lc)}",
                    "th.lane.failed::after{content:'\\2716  failed';margin-left:8px;color:var(--bad);font-weight:600;font-size:12px}",
                    "td.gap{border-left:1px dashed #e3e7ee}",
                    "table.lanes td.cell{padding-left:24px}",
                    "td.cell{border-left:3px solid var(--lc);background:color-mix(in srgb,var(--lc) 7%,white)}",
                    "table.lanes tr.event td.cell{padding-left:10px}",
                    ".lane-0{--lc:var(--l0)}.lane-1{--lc:var(--l1)}.lane-2{--lc:var(--l2)}.lane-3{--lc:var(--l3)}",
                    ".lane-4{--lc:var(--l4)}.lane-5{--lc:var(--l5)}.lane-6{--lc:var(--l6)}.lane-7{--lc:var(--l7)}",
                    "tr.step:hover td.cell{background:color-mix(in srgb,var(--lc) 16%,white)}",
                    "tr.preempted td{border-top:2px solid var(--pre)}",
                    ".pmark{display:inline-block;padding:0 6px;border-radius:4px;font-size:11px;font-weight:600;"
                            + "color:var(--pre);background:var(--prebg);border:1px solid #fedf89}",
                    "tr.failing td.cell{box-shadow:inset 0 0 0 2px var(--bad)}",
                    "tr.event td.cell{background:transparent;color:var(--muted);font-style:italic;font-size:12.5px}",
                    "tr.blocked td.cell{color:var(--pre)}",
                    "details summary{cursor:pointer;list-style-position:outside;overflow-wrap:anywhere}",
                    "summary .op{font-weight:600}",
                    "summary .obj{color:var(--muted)}",
                    "summary .loc{display:inline-block;margin-left:4px;color:#344054;background:#eef1f5;padding:0 5px;border-radius:4px}",
                    "summary .in{display:block;color:var(--muted);font-size:12px}",
                    "dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:6px 0 4px;font-size:12.5px}",
                    "dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;overflow-wrap:anywhere}",
                    "ol.stack{margin:4px 0 2px;padding-left:20px;color:#344054}",
                    "ol.stack li{overflow-wrap:anywhere}",
                    "div.calls{margin:0 0 10px;padding-left:10px;border-left:3px solid var(--lc)}",
                    "div.calls h3{margin:4px 0}",
                    "ul.tree{margin:0;padding-left:18px;list-style:none}",
                    "div.calls>ul.tree{padding-left:16px}",
                    "li.call-step,li.call-event{margin:1px 0;overflow-wrap:anywhere}",
                    "li.call-event{color:var(--pre);font-style:italic}",
                    "li.call-step .no{display:inline-block;min-width:2.5em;color:var(--muted);"
                            + "font-variant-numeric:tabular-nums}",
                    "li.call-step .obj{color:var(--muted)}",
                    "li.call-step .loc{margin-left:4px;color:#344054;background:#eef1f5;padding:0 5px;border-radius:4px}",
                    "summary .method{font-weight:600;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px}",
                    "summary .count{color:var(--muted);font-size:12px}",
                    "footer{color:var(--muted);font-size:12px}",
                    "@media print{body{background:#fff;padding:0}section{border:none}}",
                    "");

    /** Reveals the buttons that need scripts: copy the token, expand or collapse every step. */
    static final String SCRIPT =
            String.join(
                    "\n",
                    "(function(){",
                    "var b=document.getElementById('copy-token'),t=document.getElementById('replay-token');",
                    "if(b&&t){b.hidden=false;b.addEventListener('click',function(){",
                    "var s=t.textContent;function done(){b.textContent='Copied';setTimeout(function(){b.textContent='Copy'},1500)}",
                    "if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(s).then(done,sel)}else{sel()}",
                    "function sel(){var r=document.createRange();r.selectNodeContents(t);var w=getSelection();w.removeAllRanges();",
                    "w.addRange(r);try{document.execCommand('copy');done()}catch(e){}}});}",
                    "var tools=document.querySelector('.tools');if(tools){tools.hidden=false;",
                    "function all(open){document.querySelectorAll('table.lanes details,#calls details').forEach(function(d){d.open=open})}",
                    "document.getElementById('expand-all').addEventListener('click',function(){all(true)});",
                    "document.getElementById('collapse-all').addEventListener('click',function(){all(false)});}",
                    "})();",
                    "");
}
