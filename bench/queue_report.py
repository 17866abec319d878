#!/usr/bin/python3
"""Prints the queue benchmark table and the ratios from a bench/run_queue_bench.sh work folder.
Usage: bench/queue_report.py /tmp/pixelnest-bench"""
import glob
import json
import sys

work = sys.argv[1]


def runs(bench, key):
    """Every run of ours for one bench, and the run with the median `key`."""
    found = [json.load(open(p)) for p in sorted(glob.glob(f"{work}/ours_{bench}[0-9]*.json"))]
    return found, sorted(found, key=lambda r: r[key])[len(found) // 2]


runs_a, ours_a = runs("A", "jobs_per_s_first_claim_to_last")
runs_b, ours_b = runs("B", "p99_ms")
peer = {}
for path in glob.glob(f"{work}/peer/run/results/*.json"):
    r = json.load(open(path))
    peer[(r["label"], r["bench"])] = r

# The peer's clock starts with a warm worker; ours from the first claim is the same moment.
# "from start" also counts the engine process start (libtorch and model loading, ~1.5 s).
ours = ours_a["jobs_per_s_first_claim_to_last"]
peer_jobs = next((r["n"] for (label, bench), r in peer.items() if bench == "A"), 0)
print(f"=== A. no-op jobs end to end (Pixelnest {ours_a['jobs']:,}, the peer {peer_jobs:,}), "
      "one worker process, 2 cores ===")
print(f"{'system':28} {'jobs/s':>8} {'(from start)':>12} {'RSS MB':>7} {'ratio':>7}")
for i, r in enumerate(runs_a, 1):
    print(f"{'Pixelnest, 1 engine, run %d' % i:28} {r['jobs_per_s_first_claim_to_last']:8.0f} "
          f"{r['jobs_per_s']:12.0f} {r['engine_peak_rss_mb']:7.0f}")
print(f"{'Pixelnest, median':28} {ours:8.0f} {ours_a['jobs_per_s']:12.0f} "
      f"{ours_a['engine_peak_rss_mb']:7.0f}")
for label in ("p1", "p4", "p1_cma", "p4_cma"):
    r = peer.get((label, "A"))
    if r:
        print(f"{'Celery ' + label:28} {r['jobs_per_s']:8.1f} {'':12} "
              f"{r['worker_hwm_sum_mb']:7.0f} {'x%.1f' % (ours / r['jobs_per_s']):>7}")
print("\n=== B. latency at a light load (1 job / 20 ms for 20 s), created -> finished ===")
print(f"{'system':28} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'p99 ratio':>10}")
for i, r in enumerate(runs_b, 1):
    print(f"{'Pixelnest, run %d' % i:28} {r['p50_ms']:8.2f} {r['p95_ms']:8.2f} {r['p99_ms']:8.2f}"
          f"   (submit call p50 {r.get('submit_p50_ms', 0):.2f} ms)")
print(f"{'Pixelnest, median p99':28} {ours_b['p50_ms']:8.2f} {ours_b['p95_ms']:8.2f} "
      f"{ours_b['p99_ms']:8.2f}")
for label in ("p1", "p4", "p1_cma", "p4_cma"):
    r = peer.get((label, "B"))
    if r:
        print(f"{'Celery ' + label:28} {r['p50_ms']:8.2f} {r['p95_ms']:8.2f} {r['p99_ms']:8.2f} "
              f"{'x%.1f' % (r['p99_ms'] / ours_b['p99_ms']):>10}")
