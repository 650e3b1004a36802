#!/usr/bin/env bash
# The HTML report in a real browser: headless Chromium loads the status
# report of the example folder, which must show its charts, load nothing and
# log nothing to the console. A second load, of the report with small counts
# shown and a measuring script added, checks the charts and the banner as laid
# out, and that console errors are caught at all.
#
#   bash tests/blackbox/report_html_browser.sh BIN_DIR SOURCE_DIR
#
# Needs Debian's chromium package. Prints one line per check, then
# "N passed, M failed"; exits 1 on any failure. Skips (exit 0, with a
# message) only when care-report cannot write HTML yet. With
# CARE_KEEP_SCREENSHOTS=DIR the pages and screenshots are kept in DIR.
set -u

bin=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
report="$bin/care-report"
examples="$src/examples"

export CARE_TODAY=2015-06-30 NO_COLOR=1 LC_ALL=C TZ=UTC
unset CARE_DIR

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

passed=0
failed=0
ok() {
  echo "ok      $1"
  passed=$((passed + 1))
}
not_ok() {
  echo "FAILED  $1"
  shift
  local line
  for line in "$@"; do echo "        $line"; done
  failed=$((failed + 1))
}
finish() {
  echo "$passed passed, $failed failed"
  exit $((failed > 0))
}
show() { sed 's/^/| /' "$1" | head -"${2:-15}"; }

# --- what is needed ------------------------------------------------------------
if [ ! -x "$report" ] || ! "$report" status --help 2>/dev/null | grep -q html; then
  echo "SKIPPED: $report cannot write HTML yet (care-report status --format html); nothing tested"
  echo "0 passed, 0 failed"
  exit 0
fi
browser=""
for name in chromium chromium-browser; do
  if command -v "$name" >/dev/null; then browser=$(command -v "$name"); break; fi
done
if [ -z "$browser" ]; then
  not_ok "a Chromium to test in (Debian package: chromium)" "neither chromium nor chromium-browser is on PATH"
  finish
fi

# --- the reports -----------------------------------------------------------------
# page NAME ARGS...: care-report -C examples ARGS into $scratch/NAME.html
page() {
  local name=$1
  shift
  if "$report" -C "$examples" "$@" >"$scratch/$name.html" 2>"$scratch/$name.err" && [ -s "$scratch/$name.html" ]; then
    ok "care-report $* writes a page"
  else
    not_ok "care-report $* writes a page" "$(show "$scratch/$name.err")"
  fi
}
page status status --as-of 2015-06-30 --format html
page open status --as-of 2015-06-30 --format html --no-suppress
charts_in() { grep -o 'data-chart="[^"]*"' "$scratch/$1.html" | wc -l; }

# The probe: the report with small counts shown (more bars to measure, and the
# banner) with a measuring script at the end of its body, then a deliberate
# console error and a deliberate uncaught exception, which the console check
# must catch. The page's own policy forbids scripts, so the copy drops it.
sed '/http-equiv="Content-Security-Policy"/d; \#</body>#d; \#</html>#d' "$scratch/open.html" >"$scratch/probe.html"
cat >>"$scratch/probe.html" <<'EOF'
<script>
(function () {
  var out = [];
  var charts = document.querySelectorAll('svg[data-chart]');
  var drawn = 0;
  out.push('charts ' + charts.length);
  charts.forEach(function (svg) {
    var box = svg.getBoundingClientRect();
    var rects = svg.querySelectorAll('rect');
    var bars = 0;
    rects.forEach(function (r) {
      var b = r.getBoundingClientRect();
      if (b.width >= 1 && b.height >= 1) bars++;
    });
    drawn += bars;
    var texts = svg.querySelectorAll('text');
    var inside = 0;
    texts.forEach(function (t) {
      var b = t.getBoundingClientRect();
      if (b.width > 0 && b.left >= box.left - 1 && b.right <= box.right + 1 && b.top >= box.top - 1 &&
          b.bottom <= box.bottom + 1) inside++;
    });
    var named = (svg.getAttribute('aria-labelledby') || '').split(' ').every(function (id) {
      var e = document.getElementById(id);
      return e !== null && svg.contains(e) && e.textContent.trim() !== '';
    });
    out.push('chart ' + svg.getAttribute('data-chart') + ' width ' + Math.round(box.width) + ' height ' +
             Math.round(box.height) + ' rects ' + rects.length + ' bars ' + bars + ' texts ' + texts.length +
             ' inside ' + inside + ' named ' + named);
  });
  out.push('drawn ' + drawn);
  out.push('tables ' + document.querySelectorAll('table').length + ' captions ' +
           document.querySelectorAll('table > caption').length);
  out.push('resources ' + performance.getEntriesByType('resource').length);
  var banner = document.querySelector('.banner');
  var expected = 'NOT SUPPRESSED \u2014 small counts are shown. For internal use only; do not share.';
  out.push('banner ' + (banner !== null && banner.textContent === expected &&
                        banner.getBoundingClientRect().height > 10 && banner.getBoundingClientRect().top < 200));
  var pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = out.join('\n');
  document.body.appendChild(pre);
  console.error('probe-deliberate-console-error');
})();
</script>
<script>null.probeDeliberateException();</script>
</body>
</html>
EOF

# --- the browser -----------------------------------------------------------------
# browse NAME: loads $scratch/NAME.html; the DOM after loading goes to NAME.dom,
# a screenshot to NAME.png and the browser's log to NAME.log. The flags keep
# it off the network (root needs --no-sandbox).
browse() {
  local name=$1
  DBUS_SESSION_BUS_ADDRESS=disabled: timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$scratch/profile-$name" --enable-logging=stderr --v=0 --hide-scrollbars \
    --window-size=1000,3200 --screenshot="$scratch/$name.png" --dump-dom "file://$scratch/$name.html" \
    >"$scratch/$name.dom" 2>"$scratch/$name.log"
  echo $? >"$scratch/$name.status"
}
for name in status probe; do browse $name & done
wait
console_lines() { grep -E 'CONSOLE[(:]|Uncaught' "$scratch/$1.log"; }
# The browser's log without the noise of a machine with no D-Bus or GPU.
log_of() { grep -vE 'dbus|bluez|Floss|vaapi|sandbox_linux|: \[: ' "$scratch/$1.log" >"$scratch/$1.log.short"; show "$scratch/$1.log.short" 20; }

# --- the console check catches errors ------------------------------------------------
if console_lines probe | grep -q 'probe-deliberate-console-error' &&
   console_lines probe | grep -q 'Uncaught.*probeDeliberateException'; then
  ok "the console check catches a deliberate console.error and an uncaught exception"
else
  not_ok "the console check catches a deliberate console.error and an uncaught exception" \
    "exit $(cat "$scratch/probe.status")" "$(log_of probe)"
fi

# --- the report, as it is ------------------------------------------------------------
for name in status; do
  dom="$scratch/$name.dom"
  if [ "$(cat "$scratch/$name.status")" = 0 ] && grep -q '</html>' "$dom"; then
    ok "$name: Chromium loads the page"
  else
    not_ok "$name: Chromium loads the page" "exit $(cat "$scratch/$name.status")" "$(log_of $name)"
    continue
  fi
  if console_lines $name >/dev/null; then
    not_ok "$name: nothing logged to the console" "$(console_lines $name | head -10)"
  else
    ok "$name: nothing logged to the console"
  fi
  want=$(charts_in $name)
  got=$(grep -o '<svg[^>]* data-chart="[^"]*"' "$dom" | wc -l)
  bars=$(grep -o '<rect ' "$dom" | wc -l)
  if [ "$want" -ge 1 ] && [ "$got" = "$want" ] && [ "$bars" -ge 1 ]; then
    ok "$name: the DOM holds its $got charts as svg[data-chart], with $bars bars"
  else
    not_ok "$name: the DOM holds its charts as svg[data-chart] with bars" \
      "charts in the page $want, in the DOM $got; bars $bars"
  fi
  # Nothing that could fetch: no element with a source or a link, no CSS url()
  # but a pattern in the page.
  fetchers=$(grep -oE '<(script|link|img|iframe|object|embed|audio|video|source|base)[ >]| (src|srcset|href|xlink:href)=|url\([^#]|@import' "$dom" | sort -u)
  if [ -z "$fetchers" ]; then
    ok "$name: nothing in the DOM that could fetch or run anything"
  else
    not_ok "$name: nothing in the DOM that could fetch or run anything" $fetchers
  fi
  tables=$(grep -o '<table>' "$dom" | wc -l)
  captions=$(grep -o '<caption[ >]' "$dom" | wc -l)
  if [ "$tables" -ge 1 ] && [ "$tables" = "$captions" ]; then
    ok "$name: $tables tables, each with a caption"
  else
    not_ok "$name: tables, each with a caption" "tables $tables, captions $captions"
  fi
  # A PNG of 1000x3200 with text and bars; a blank page compresses to a few kB.
  png="$scratch/$name.png"
  size=$(wc -c <"$png" 2>/dev/null || echo 0)
  magic=$(head -c 8 "$png" 2>/dev/null | od -An -tx1 | tr -d ' \n')
  dims=$(od -An -tu1 -j16 -N8 "$png" 2>/dev/null | awk '{print $3*256+$4 "x" $7*256+$8}')
  if [ "$magic" = 89504e470d0a1a0a ] && [ "$dims" = 1000x3200 ] && [ "$size" -gt 40000 ]; then
    ok "$name: a screenshot of the page ($dims, $size bytes)"
  else
    not_ok "$name: a screenshot of the page" "magic $magic, size $dims, $size bytes"
  fi
done

# --- the charts as laid out ---------------------------------------------------------
sed -n '/<pre id="probe">/,/<\/pre>/p' "$scratch/probe.dom" | sed 's/.*<pre id="probe">//; s#</pre>.*##' >"$scratch/probe.txt"
value() { awk -v k="$1" '$1 == k { print $2 }' "$scratch/probe.txt"; }
want=$(charts_in open)
if [ -s "$scratch/probe.txt" ] && [ "$(value charts)" = "$want" ]; then
  ok "probe: the measuring script ran and found the $want charts"
else
  not_ok "probe: the measuring script ran and found the $want charts" "$(show "$scratch/probe.txt")" \
    "$(log_of probe)"
fi
while read -r _ id _ width _ height _ rects _ bars _ texts _ inside _ named; do
  if [ "$width" -ge 300 ] && [ "$height" -ge 40 ] && [ "$texts" -ge 2 ] && [ "$inside" = "$texts" ] &&
     [ "$named" = true ]; then
    ok "probe: chart $id is ${width}x${height}, $rects bars ($bars drawn), all $texts labels inside it, named"
  else
    not_ok "probe: chart $id is laid out, its labels inside it, named by its title" \
      "width $width height $height rects $rects bars $bars texts $texts inside $inside named $named"
  fi
done < <(grep '^chart ' "$scratch/probe.txt")
if [ "$(value drawn)" -ge 1 ] 2>/dev/null; then
  ok "probe: $(value drawn) bars drawn with a visible size"
else
  not_ok "probe: bars drawn with a visible size" "$(show "$scratch/probe.txt")"
fi
if [ "$(value banner)" = true ]; then
  ok "probe: the NOT SUPPRESSED banner shows at the top, its text intact"
else
  not_ok "probe: the NOT SUPPRESSED banner shows at the top, its text intact" "$(grep '^banner' "$scratch/probe.txt")"
fi
if [ "$(value resources)" = 0 ]; then
  ok "probe: the page loaded no resources"
else
  not_ok "probe: the page loaded no resources" "$(grep '^resources' "$scratch/probe.txt")"
fi

if [ -n "${CARE_KEEP_SCREENSHOTS:-}" ]; then
  mkdir -p "$CARE_KEEP_SCREENSHOTS" && cp "$scratch"/*.png "$scratch"/*.html "$CARE_KEEP_SCREENSHOTS"/
fi
finish
