#!/usr/bin/env bash
# Times report and Hugo on the same synthetic sites, alternately, several
# runs each, with output on tmpfs, and prints the medians, their ratio and
# peak memory. Usage: tools/bench/compare-hugo.sh [RUNS] [N ...]
# (default: 7 runs of N = 1000 and 10000). Installs Debian's hugo when it is
# missing and this user is root; otherwise says what to install.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
shift || true
sizes=("${@:-1000 10000}")
[ ${#sizes[@]} -eq 1 ] && read -r -a sizes <<<"${sizes[0]}"

# need PROGRAM PACKAGE: installs Debian's PACKAGE when PROGRAM is missing,
# where this user can; otherwise says what to install.
need() {
  command -v "$1" >/dev/null && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  else
    echo "compare-hugo: $1 is needed; install it (Debian: apt-get install $2) and run again" >&2
    exit 1
  fi
}
need hugo hugo
need /usr/bin/time time
CGO_ENABLED=0 go build -trimpath -o bin/report ./cmd/report # as make build does
# tmpfs where there is one: on disk the same build swings by 2x.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  work=/dev/shm/report-bench
  rm -rf "$work"; mkdir -p "$work"
else
  work=$(mktemp -d)
  echo "compare-hugo: no /dev/shm; timing on disk in $work, where builds swing by 2x" >&2
fi
trap 'rm -rf "$work"' EXIT

# measure CMD...: prints "seconds peak-KB" of one run. The wall time is
# bash's, to the millisecond: GNU time's %e counts whole hundredths, which
# moved a ratio near 0.2 s by a tenth on rounding alone. GNU time still
# gives the peak memory; its own start is in both programs' times alike.
measure() {
  local TIMEFORMAT=%3R
  { time /usr/bin/time -f "%M" -o "$work/time" "$@" >/dev/null 2>&1; } 2>"$work/wall"
  echo "$(cat "$work/wall") $(cat "$work/time")"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# pairs HUGO REPORT: the lowest and highest of Hugo's time over report's in
# runs made one after the other. The machine's load drifts by the minute,
# and a pair shares it: the spread of the pairs says how far a ratio of
# medians can be trusted.
pairs() { paste -d' ' "$1" "$2" | awk '{print $1 / $3}' | sort -n | awk '{a[NR]=$1} END {printf "%.2f-%.2f", a[1], a[NR]}'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(hugo version | cut -d' ' -f1-2); $(go version | cut -d' ' -f3)"
# Four cases, each against Hugo doing the same:
# - "fresh": a clean build into an empty folder (report --fresh: nothing
#   kept from an earlier build is used), keeping for the next build what
#   it can reuse, as make build does;
# - "once": the same, keeping nothing (report --keep=false), as CI builds
#   on a clean machine that no build follows, and as Hugo does;
# - "over": a build over the previous output with nothing changed, as an
#   editor's second build; report reuses what the last build kept beside
#   its output (parsed files, drawings, unchanged pages as hard links);
# - "edit": a build over the previous output after one story was edited.
# Hugo rebuilds everything each time; report fills a new tree and swaps it
# in (a failed build must leave the old site untouched): a clean build
# deletes the old tree, a rebuild fills its new tree from the site before
# last (see the README's "What a build keeps for the next").
# Two sites of N stories each: "minimal", the report with minimal
# layouts like Hugo's, and "realistic", the shipped site with its design,
# data and charts and the N stories added to its edition (gensite
# -realistic), which is what the report's users build. Hugo builds the same
# N stories with minimal templates in both. "of fresh" is report's time in
# that case over its own fresh build's.
printf "%-9s %6s %-5s %10s %10s %6s %11s  %10s %10s %6s  %8s\n" site pages case report hugo ratio pairs "report RSS" "hugo RSS" memory "of fresh"
for n in "${sizes[@]}"; do
  for kind in minimal realistic; do
    flags=()
    [ "$kind" = realistic ] && flags=(-realistic .)
    go run ./cmd/gensite -n "$n" "${flags[@]}" -out "$work/site-$kind-$n"
    # the last generated story, the same in both (in the realistic site, a
    # chapter of the edition sorts after every story)
    story=$(find "$work/site-$kind-$n/report/content" -name 'case-*.md' ! -name '*.en.md' | sort | tail -1)
    hstory=$(find "$work/site-$kind-$n/hugo/content" -name 'case-*.md' | sort | tail -1)
    fresh=
    for mode in fresh once over edit; do
      : >"$work/r"; : >"$work/h"
      rm -rf "$work/out-report" "$work"/.out-report.* "$work/out-hugo"
      if [ "$mode" = over ] || [ "$mode" = edit ]; then
        bin/report build --root "$work/site-$kind-$n/report" --out "$work/out-report" >/dev/null 2>&1
        hugo --quiet --source "$work/site-$kind-$n/hugo" --destination "$work/out-hugo" >/dev/null 2>&1
      fi
      for i in $(seq "$runs"); do
        if [ "$mode" = fresh ] || [ "$mode" = once ]; then
          rm -rf "$work/out-report" "$work"/.out-report.* "$work/out-hugo"
          how=--fresh
          [ "$mode" = once ] && how=--keep=false
          measure bin/report build "$how" --root "$work/site-$kind-$n/report" --out "$work/out-report" >>"$work/r"
        else
          if [ "$mode" = edit ]; then
            echo "Et ord mere $i." >>"$story"
            echo "Et ord mere $i." >>"$hstory"
          fi
          measure bin/report build --root "$work/site-$kind-$n/report" --out "$work/out-report" >>"$work/r"
        fi
        measure hugo --quiet --source "$work/site-$kind-$n/hugo" --destination "$work/out-hugo" >>"$work/h"
      done
      rt=$(cut -d' ' -f1 "$work/r" | median); ht=$(cut -d' ' -f1 "$work/h" | median)
      rm=$(cut -d' ' -f2 "$work/r" | median); hm=$(cut -d' ' -f2 "$work/h" | median)
      [ "$mode" = fresh ] && fresh=$rt
      printf "%-9s %6s %-5s %9.3fs %9.3fs %5.2fx %11s  %7.0f MB %7.0f MB %5.2fx  %7.2f\n" "$kind" "$n" "$mode" "$rt" "$ht" "$(echo "$ht / $rt" | bc -l)" \
        "$(pairs "$work/h" "$work/r")" "$(echo "$rm/1024" | bc -l)" "$(echo "$hm/1024" | bc -l)" "$(echo "$rm / $hm" | bc -l)" "$(echo "$rt / $fresh" | bc -l)"
    done
    rm -rf "$work/site-$kind-$n" "$work/out-report" "$work"/.out-report.* "$work/out-hugo"
  done
done
echo "ratio = Hugo's median wall time / report's (above 1: report is faster); pairs = the lowest and highest of that ratio in runs made one after the other; memory = report's peak RSS / Hugo's (below 1: report uses less); medians of $runs alternating runs"
