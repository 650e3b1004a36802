#!/usr/bin/env bash
# The HTML reports in a real browser. Headless Chromium loads four reports
# made from a copy of the example folder -- status (internal), period by
# sex and minor (donor), period for the public, and budget -- and for each:
#   - the page loads, logs nothing to the console (no error, no violation of
#     its Content-Security-Policy) and loads nothing;
#   - a screenshot at A4 width (794 CSS px at 96 dpi, the window 794x1123);
#   - a probe (a copy of the page with a measuring script) finds every chart
#     drawing as many bars as its table has shown non-zero cells in the
#     charted columns, a legend naming each series, the labels inside the
#     chart, no table wider than the page (main's scrollWidth <= its
#     clientWidth, at 794 px and at the 703 px an A4 page keeps inside its
#     print margins), the audience's notice at the top, and what needs
#     attention and the targets before the other tables.
# Controls show that the console check catches an error, an uncaught
# exception and a CSP violation, so a quiet console means something.
#
#   bash tests/blackbox/report_html_browser.sh BIN_DIR SOURCE_DIR
#
# Prints one line per check, then "N passed, M failed"; exits 1 on any
# failure, and fails when there is nothing to test (no page written, no
# chart found, no bar drawn). Without Chromium it prints SKIPPED and exits 77,
# which ctest reports as a skipped test, never as a pass. With
# CARE_KEEP_SCREENSHOTS=DIR the pages, probes and screenshots are kept in DIR.
set -u

bin=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
report="$bin/care-report"

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
if [ ! -x "$report" ]; then
  not_ok "care-report is built" "no executable $report"
  finish
fi
browser=""
for name in chromium chromium-browser; do
  if command -v "$name" >/dev/null; then browser=$(command -v "$name"); break; fi
done
if [ -z "$browser" ]; then
  echo "SKIPPED: neither chromium nor chromium-browser is on PATH (Debian package: chromium); nothing was tested"
  exit 77
fi

# --- the reports -----------------------------------------------------------------
folder="$scratch/examples"
cp -R "$src/examples" "$folder"
period="period --from 2013-09-02 --to 2016-02-29"
pages="status period-donor period-public budget"
# page NAME ARGS...: care-report -C <copy> ARGS into $scratch/NAME.html
page() {
  local name=$1
  shift
  if "$report" -C "$folder" "$@" --format html >"$scratch/$name.html" 2>"$scratch/$name.err" &&
     grep -q '</html>' "$scratch/$name.html"; then
    ok "$name: care-report $* --format html writes a page"
  else
    not_ok "$name: care-report $* --format html writes a page" "$(show "$scratch/$name.err")"
  fi
}
page status status
# shellcheck disable=SC2086
page period-donor $period --by sex,minor
# shellcheck disable=SC2086
page period-public $period --audience public
page budget budget
for name in $pages; do
  if [ ! -s "$scratch/$name.html" ]; then
    not_ok "every page was written, so that there is something to test" "$name.html is missing or empty"
    finish
  fi
done

# --- the probes ------------------------------------------------------------------
# A copy of each page without its policy (which forbids scripts) and with the
# measuring script at the end of its body.
probe_script() {
  cat <<'EOF'
<script>
(function () {
  var out = [];
  var main = document.querySelector('main');
  out.push('overflow ' + main.scrollWidth + ' ' + main.clientWidth);
  var widest = 0;
  document.querySelectorAll('table').forEach(function (t) {
    widest = Math.max(widest, Math.ceil(t.getBoundingClientRect().right - main.getBoundingClientRect().left));
  });
  out.push('widest ' + widest);
  var charts = document.querySelectorAll('figure.chart svg[data-chart]');
  out.push('charts ' + charts.length);
  charts.forEach(function (svg) {
    var series = (svg.getAttribute('data-series') || '').split(' ').filter(function (s) { return s !== ''; })
                   .map(Number);
    var section = svg.closest('section');
    var table = section ? section.querySelector('table') : null;
    var expected = 0;
    if (table) table.querySelectorAll('tbody tr').forEach(function (tr) {
      if (tr.classList.contains('total')) return;
      var cells = tr.querySelectorAll('td');
      series.forEach(function (c) {
        var td = cells[c];
        if (!td || td.classList.contains('hidden')) return;
        var text = td.textContent.trim();
        var x = Number(text);
        if (text !== '' && isFinite(x) && x !== 0) expected++;
      });
    });
    var bars = 0;
    svg.querySelectorAll('rect.bar').forEach(function (r) {
      if (r.width.baseVal.value > 0 && r.getBoundingClientRect().height >= 1) bars++;
    });
    var box = svg.getBoundingClientRect();
    var texts = svg.querySelectorAll('text');
    var inside = 0;
    texts.forEach(function (t) {
      var b = t.getBoundingClientRect();
      if (b.width > 0 && b.left >= box.left - 1 && b.right <= box.right + 1 && b.top >= box.top - 1 &&
          b.bottom <= box.bottom + 1) inside++;
    });
    var legend = svg.querySelectorAll('g.legend text').length;
    out.push('chart ' + svg.getAttribute('data-chart') + ' series ' + series.length + ' expected ' + expected +
             ' bars ' + bars + ' legend ' + legend + ' texts ' + texts.length + ' inside ' + inside +
             ' width ' + Math.round(box.width));
  });
  var sections = [];
  document.querySelectorAll('main > section.report-table').forEach(function (s) { sections.push(s.id); });
  out.push('order ' + sections.join(' '));
  var banner = document.querySelector('header .banner');
  out.push('banner ' + (banner ? banner.textContent : '(none)'));
  out.push('resources ' + performance.getEntriesByType('resource').length);
  var pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = out.join('\n');
  document.body.appendChild(pre);
})();
</script>
EOF
}
for name in $pages; do
  { sed '/http-equiv="Content-Security-Policy"/d; \#</body>#d; \#</html>#d' "$scratch/$name.html"
    probe_script
    echo '</body></html>'
  } >"$scratch/probe-$name.html"
done
# Controls: the status page with a deliberate console error and uncaught
# exception (its policy dropped so that the scripts run), and with an image
# its policy must refuse.
{ sed '/http-equiv="Content-Security-Policy"/d; \#</body>#d; \#</html>#d' "$scratch/status.html"
  echo "<script>console.error('probe-deliberate-console-error');</script>"
  echo "<script>null.probeDeliberateException();</script>"
  echo '</body></html>'
} >"$scratch/control-errors.html"
sed 's#</main>#<img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">&#' "$scratch/status.html" \
  >"$scratch/control-csp.html"
# And the status probe with a table of one long number that cannot wrap: the
# overflow check must see it.
long=$(printf '1%.0s' $(seq 1 150))
sed "s#</main>#<section class=\"report-table\" id=\"t-wide\"><table><tr><td class=\"num\">$long</td></tr></table></section>&#" \
  "$scratch/probe-status.html" >"$scratch/control-overflow.html"

# --- the browser -----------------------------------------------------------------
# browse NAME WIDTH: loads $scratch/NAME.html in a window WIDTH x 1123; the
# DOM after loading goes to NAME-WIDTH.dom, a screenshot to NAME-WIDTH.png,
# the browser's log to NAME-WIDTH.log. The flags keep it off the network
# (root needs --no-sandbox).
browse() {
  local name=$1 width=$2 out="$scratch/$1-$2"
  DBUS_SESSION_BUS_ADDRESS=disabled: timeout 90 "$browser" --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$scratch/profile-$name-$width" --enable-logging=stderr --v=0 --hide-scrollbars \
    --window-size="$width,1123" --screenshot="$out.png" --dump-dom "file://$scratch/$name.html" \
    >"$out.dom" 2>"$out.log"
  echo $? >"$out.status"
}
jobs_run=0
run() {
  browse "$@" &
  jobs_run=$((jobs_run + 1))
  if [ $((jobs_run % 2)) = 0 ]; then wait; fi
}
for name in $pages; do
  run "$name" 794
  run "probe-$name" 794
  run "probe-$name" 703
done
run control-errors 794
run control-csp 794
run control-overflow 794
wait
console_lines() { grep -E 'CONSOLE[(:]|Uncaught|Refused to' "$scratch/$1.log"; }
# The browser's log without the noise of a machine with no D-Bus or GPU.
log_of() { grep -vE 'dbus|bluez|Floss|vaapi|sandbox_linux|: \[: ' "$scratch/$1.log" >"$scratch/$1.log.short"; show "$scratch/$1.log.short" 20; }

# --- the console checks catch what they look for -----------------------------------
if console_lines control-errors-794 | grep -q 'probe-deliberate-console-error' &&
   console_lines control-errors-794 | grep -q 'Uncaught.*probeDeliberateException'; then
  ok "control: the console check catches a deliberate console.error and an uncaught exception"
else
  not_ok "control: the console check catches a deliberate console.error and an uncaught exception" \
    "exit $(cat "$scratch/control-errors-794.status")" "$(log_of control-errors-794)"
fi
if console_lines control-csp-794 | grep -qi 'content security policy'; then
  ok "control: the console check catches the page's policy refusing an image"
else
  not_ok "control: the console check catches the page's policy refusing an image" "$(log_of control-csp-794)"
fi

sed -n '/<pre id="probe">/,/<\/pre>/p' "$scratch/control-overflow-794.dom" | sed 's/.*<pre id="probe">//; s#</pre>.*##' \
  >"$scratch/control-overflow.txt"
read -r _ scroll client < <(grep '^overflow ' "$scratch/control-overflow.txt")
if [ "${scroll:-0}" -gt "${client:-0}" ] 2>/dev/null; then
  ok "control: the overflow check catches a table wider than the page (scrollWidth $scroll > clientWidth $client)"
else
  not_ok "control: the overflow check catches a table wider than the page" "$(show "$scratch/control-overflow.txt")"
fi

# --- each page, as it is -------------------------------------------------------------
for name in $pages; do
  base="$scratch/$name-794"
  if [ "$(cat "$base.status")" = 0 ] && grep -q '</html>' "$base.dom"; then
    ok "$name: Chromium loads the page"
  else
    not_ok "$name: Chromium loads the page" "exit $(cat "$base.status")" "$(log_of "$name-794")"
    continue
  fi
  if console_lines "$name-794" >/dev/null; then
    not_ok "$name: nothing logged to the console (no error, no policy violation)" \
      "$(console_lines "$name-794" | head -10)"
  else
    ok "$name: nothing logged to the console (no error, no policy violation)"
  fi
  if grep -q 'http-equiv="Content-Security-Policy" content="default-src '"'"'none'"'"'; style-src '"'"'unsafe-inline'"'"'"' \
       "$scratch/$name.html"; then
    ok "$name: the page keeps its Content-Security-Policy (nothing loaded, nothing run)"
  else
    not_ok "$name: the page keeps its Content-Security-Policy"
  fi
  # Nothing that could fetch or run: no element with a source or a link, no
  # CSS url() but a pattern in the page.
  fetchers=$(grep -oE '<(script|link|img|iframe|object|embed|audio|video|source|base)[ >]| (src|srcset|href|xlink:href)=|url\([^#]|@import' "$base.dom" | sort -u)
  if [ -z "$fetchers" ]; then
    ok "$name: nothing in the DOM that could fetch or run anything"
  else
    not_ok "$name: nothing in the DOM that could fetch or run anything" $fetchers
  fi
  png="$base.png"
  size=$(wc -c <"$png" 2>/dev/null || echo 0)
  magic=$(head -c 8 "$png" 2>/dev/null | od -An -tx1 | tr -d ' \n')
  dims=$(od -An -tu1 -j16 -N8 "$png" 2>/dev/null | awk '{print $3*256+$4 "x" $7*256+$8}')
  if [ "$magic" = 89504e470d0a1a0a ] && [ "$dims" = 794x1123 ] && [ "$size" -gt 15000 ]; then
    ok "$name: a screenshot at A4 width ($dims, $size bytes)"
  else
    not_ok "$name: a screenshot at A4 width (794x1123)" "magic $magic, size $dims, $size bytes"
  fi
done

# --- each page, measured ---------------------------------------------------------------
all_charts=0
all_bars=0
internal='INTERNAL: exact counts, for the program team only; do not share outside it.'
for name in $pages; do
  for width in 794 703; do
    base="$scratch/probe-$name-$width"
    sed -n '/<pre id="probe">/,/<\/pre>/p' "$base.dom" | sed 's/.*<pre id="probe">//; s#</pre>.*##' >"$base.txt"
    if [ -s "$base.txt" ] && grep -q '^charts ' "$base.txt"; then
      ok "$name at $width px: the probe ran"
    else
      not_ok "$name at $width px: the probe ran" "$(log_of "probe-$name-$width")"
      continue
    fi
    value() { awk -v k="$1" '$1 == k { $1 = ""; sub(/^ /, ""); print }' "$base.txt"; }
    read -r scroll client <<<"$(value overflow)"
    if [ "$scroll" -le "$client" ] 2>/dev/null; then
      ok "$name at $width px: no table wider than the page (main: scrollWidth $scroll, clientWidth $client; widest table $(value widest) px)"
    else
      not_ok "$name at $width px: no table wider than the page" "main: scrollWidth $scroll, clientWidth $client" \
        "widest table reaches $(value widest) px"
    fi
    [ "$width" = 794 ] || continue
    charts=$(value charts)
    if [ "$charts" -ge 1 ] 2>/dev/null; then
      ok "$name: $charts charts"
    else
      not_ok "$name: at least one chart (every breakdown has one)" "$(show "$base.txt")"
    fi
    all_charts=$((all_charts + ${charts:-0}))
    while read -r _ id _ series _ expected _ bars _ legend _ texts _ inside _ cwidth; do
      all_bars=$((all_bars + bars))
      problems=""
      [ "$bars" = "$expected" ] || problems="$problems bars $bars, table's shown non-zero cells $expected;"
      [ "$legend" -ge "$series" ] || problems="$problems legend $legend for $series series;"
      [ "$inside" = "$texts" ] || problems="$problems labels inside $inside of $texts;"
      [ "$cwidth" -ge 200 ] || problems="$problems width $cwidth;"
      if [ -z "$problems" ]; then
        ok "$name: chart $id draws its data ($bars bars for $expected shown non-zero cells, $series series in the legend)"
      else
        not_ok "$name: chart $id draws its data" "$problems"
      fi
    done < <(grep '^chart ' "$base.txt")
    banner=$(value banner)
    case $name in
      status | budget) want="$internal" ;;
      period-donor) want="CONFIDENTIAL: *CARE pilot (fictional example)*2013-09-02*2016-02-29*" ;;
      period-public) want="(none)" ;;
    esac
    # shellcheck disable=SC2053
    if [[ "$banner" == $want ]]; then
      ok "$name: the audience's notice heads the page ($banner)"
    else
      not_ok "$name: the audience's notice heads the page" "found: $banner" "wanted: $want"
    fi
    read -r -a order <<<"$(value order)"
    first=${order[0]:-}
    problems=""
    for i in "${!order[@]}"; do
      case ${order[$i]} in
        t-needs_attention) [ "$i" = 0 ] || problems="$problems needs_attention is section $((i + 1));" ;;
        t-targets) [ "$i" -le 1 ] && { [ "$i" = 0 ] || [ "$first" = t-needs_attention ]; } ||
                     problems="$problems targets is section $((i + 1));" ;;
      esac
    done
    if [ -z "$problems" ]; then
      ok "$name: what needs attention and the targets come before the other tables (${order[*]:0:3} ...)"
    else
      not_ok "$name: what needs attention and the targets come before the other tables" "$problems" "${order[*]}"
    fi
    if [ "$(value resources)" = 0 ]; then
      ok "$name: the page loaded no resources"
    else
      not_ok "$name: the page loaded no resources" "$(value resources)"
    fi
  done
done
if [ "$all_charts" -ge 4 ] && [ "$all_bars" -ge 1 ]; then
  ok "there was something to test: $all_charts charts with $all_bars bars in all"
else
  not_ok "there was something to test" "$all_charts charts, $all_bars bars"
fi
if ! grep -q 'id="t-needs_attention"' "$scratch/status.html"; then
  echo "note    the status report has no needs_attention table: its place on the first screen was not tested"
fi

if [ -n "${CARE_KEEP_SCREENSHOTS:-}" ]; then
  mkdir -p "$CARE_KEEP_SCREENSHOTS" && cp "$scratch"/*.png "$scratch"/*.html "$scratch"/*.txt "$CARE_KEEP_SCREENSHOTS"/
fi
finish
