#!/usr/bin/env python3
"""Turns the raw outputs of scripts/bench into the Markdown tables of benchmarks/README.md.

Usage: report.py RESULTS_DIR README.md

Each table lives between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` in the README; only those blocks are
rewritten, the prose around them is kept. A block missing from the README is appended at its end.
"""
import json
import math
import os
import re
import statistics
import sys

TOTP_FLOOR_RATIO = 1.15
CALCULATE_TARGET_US = 20.0
CALCULATE_ALL_32_TARGET_US = 300.0
APDU_TARGET_US = 1000.0
AWS_RPS_TARGET = 5000.0
AWS_P99_TARGET_MS = 10.0
DEMO_TARGET_MS = 5000.0
ENROLL_TARGET_MS = 50.0
CREDENTIAL_PROCESS_TARGET_X_HELLO = 2.0


def load_json(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def result_lines(path, prefix="RESULT "):
    out = {}
    skipped = {}
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(prefix):
                    try:
                        r = json.loads(line[len(prefix):])
                    except ValueError:
                        continue
                    out[r["name"]] = r
                elif line.startswith("SKIPPED "):
                    name, _, reason = line[len("SKIPPED "):].partition(": ")
                    skipped[name.strip()] = reason.strip()
    except OSError:
        pass
    return out, skipped


def fmt(x, digits=1):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    return f"{x:,.{digits}f}"


def ok(flag):
    return "✅" if flag else "❌ **missed**"


def jmh_index(data):
    idx = {}
    for b in data or []:
        name = b["benchmark"].rsplit(".", 2)
        key = name[-2] + "." + name[-1]
        params = b.get("params") or {}
        if params:
            key += "[" + ",".join(f"{k}={v}" for k, v in sorted(params.items())) + "]"
        pm = b["primaryMetric"]
        alloc = (b.get("secondaryMetrics") or {}).get("gc.alloc.rate.norm", {})
        idx[key] = {
            "score": pm["score"], "error": pm.get("scoreError", float("nan")), "unit": pm["scoreUnit"],
            "alloc": alloc.get("score"), "forks": b.get("forks"), "iterations": b.get("measurementIterations"),
        }
    return idx


def err(e):
    if e is None or (isinstance(e, float) and math.isnan(e)):
        return ""
    return f" ± {fmt(e, 2 if abs(e) < 10 else 1)}"


def totp_tables(d):
    idx = jmh_index(load_json(os.path.join(d, "jmh-totp.json")))
    if not idx:
        return "_No TOTP results (the JMH run failed or was skipped)._\n", "_No verification results._\n"
    gen = {k.split(".")[1]: v for k, v in idx.items() if k.startswith("TotpGenerateBenchmark.")}
    ver = {k.split(".")[1]: v for k, v in idx.items() if k.startswith("TotpVerifyBenchmark.")}
    labels = {
        "macFloor": "JDK `Mac` floor (reused Mac, truncation by hand)",
        "digestHmac": "HMAC over a reused `MessageDigest` (reference, no `Mac`)",
        "ykmfaInt": "**ykmfa `Totp.generate` (int)**",
        "ykmfaString": "ykmfa `Totp.generateString`",
        "ykmfa": "**ykmfa `Totp.verify`**",
        "javaOtp": "com.eatthepath:java-otp 0.4.0",
        "googleauth": "com.warrenstrange:googleauth 1.5.0",
        "samstevens": "dev.samstevens.totp:totp 1.7.1",
    }

    def table(rows, ours, order):
        floor = rows.get("macFloor", {}).get("score")
        mine = rows.get(ours, {}).get("score")
        lines = ["| implementation | ns/op (± 99.9% CI) | B/op | × Mac floor | × ykmfa | target | met |",
                 "|---|---:|---:|---:|---:|---|---|"]
        for k in order:
            if k not in rows:
                continue
            r = rows[k]
            xf = r["score"] / floor if floor else float("nan")
            xm = r["score"] / mine if mine else float("nan")
            target, met = "", ""
            if k == ours and ours == "ykmfaInt":
                target = f"≤ {TOTP_FLOOR_RATIO}× floor, 0 B/op"
                met = ok(xf <= TOTP_FLOOR_RATIO) + " time; " + ok((r["alloc"] or 0) < 0.5) + " alloc"
            elif k == ours:
                target = "(no target; info)"
            elif k in ("javaOtp", "googleauth", "samstevens"):
                target = "slower than ykmfa" if ours == "ykmfaInt" else "(info) slower than ykmfa"
                met = ok(xm > 1.0)
            lines.append(f"| {labels.get(k, k)} | {fmt(r['score'])}{err(r['error'])} | {fmt(r['alloc'], 0)} | "
                         f"{xf:.2f} | {xm:.2f} | {target} | {met} |")
        return "\n".join(lines) + "\n"

    g = table(gen, "ykmfaInt", ["macFloor", "digestHmac", "ykmfaInt", "ykmfaString", "javaOtp", "googleauth",
                                "samstevens"])
    v = table(ver, "ykmfa", ["macFloor", "ykmfa", "javaOtp", "googleauth", "samstevens"])
    return g, v


def linear_fit(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    if sxx == 0:
        return float("nan"), float("nan"), float("nan")
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx
    intercept = my - slope * mx
    ss_tot = sum((y - my) ** 2 for y in ys)
    ss_res = sum((y - (intercept + slope * x)) ** 2 for x, y in zip(xs, ys))
    return slope, intercept, (1 - ss_res / ss_tot) if ss_tot else float("nan")


def sim_tables(d):
    idx = jmh_index(load_json(os.path.join(d, "jmh-sim.json")))
    if not idx:
        return "_No simulated-key results._\n", "_No scaling results._\n"

    def us(r):
        return r["score"] / 1000.0 if r["unit"].startswith("ns") else r["score"]

    def us_err(r):
        return r["error"] / 1000.0 if r["unit"].startswith("ns") else r["error"]

    lines = ["| operation (OathSession → SimulatedYubiKey) | µs/op (± 99.9% CI) | B/op | target | × target | met |",
             "|---|---:|---:|---|---:|---|"]
    rows = [("SELECT (open a session)", "SimKeyOpsBenchmark.select", None),
            ("CALCULATE (one TOTP code; 8 credentials on the key)", "SimKeyOpsBenchmark.calculate", CALCULATE_TARGET_US),
            ("PUT (overwrite one credential)", "SimKeyOpsBenchmark.put", None)]
    for n in (1, 8, 32):
        rows.append((f"CALCULATE ALL, {n} credential(s)", f"SimCalculateAllBenchmark.calculateAll[credentials={n}]",
                     CALCULATE_ALL_32_TARGET_US if n == 32 else None))
    for n in (32, 200):
        rows.append((f"LIST, {n} credentials (chained)", f"SimListBenchmark.list[credentials={n}]", None))
    for label, key, target in rows:
        r = idx.get(key)
        if not r:
            lines.append(f"| {label} | not measured | | | | |")
            continue
        t = f"≤ {target:.0f} µs" if target else ("linear (see scaling)" if "LIST" in label else "—")
        x = f"{us(r) / target:.2f}" if target else ""
        met = ok(us(r) <= target) if target else ""
        lines.append(f"| {label} | {fmt(us(r), 2)}{err(us_err(r))} | {fmt(r['alloc'], 0)} | {t} | {x} | {met} |")
    main = "\n".join(lines) + "\n"

    counts = sorted({int(m.group(1)) for k in idx for m in [re.search(r"credentials=(\d+)", k)] if m})
    sc = ["| credentials | CALCULATE ALL µs (± CI) | µs per credential | B/op | LIST µs (± CI) | µs per credential | B/op |",
          "|---:|---:|---:|---:|---:|---:|---:|"]
    ca_x, ca_y, li_x, li_y = [], [], [], []
    for n in counts:
        ca = idx.get(f"SimCalculateAllBenchmark.calculateAll[credentials={n}]")
        li = idx.get(f"SimListBenchmark.list[credentials={n}]")
        cells = [str(n)]
        for r, xs, ys in ((ca, ca_x, ca_y), (li, li_x, li_y)):
            if r:
                xs.append(n)
                ys.append(us(r))
                cells += [f"{fmt(us(r), 1)}{err(us_err(r))}", fmt(us(r) / n, 2), fmt(r["alloc"], 0)]
            else:
                cells += ["—", "—", "—"]
        sc.append("| " + " | ".join(cells) + " |")
    fits = []
    for name, xs, ys in (("CALCULATE ALL", ca_x, ca_y), ("LIST", li_x, li_y)):
        if len(xs) >= 3:
            slope, icpt, r2 = linear_fit(xs, ys)
            fits.append(f"- {name}: least-squares line t ≈ {icpt:.1f} µs + {slope:.2f} µs × n, R² = {r2:.4f}"
                        + (" (linear)" if r2 >= 0.98 else " (**not linear**)"))
    return main, "\n".join(sc) + "\n\n" + "\n".join(fits) + "\n"


def flow_table(d):
    idx = jmh_index(load_json(os.path.join(d, "jmh-flow.json")))
    r = idx.get("EnrollAndAssumeBenchmark.enrollAndAssume")
    if not r:
        return "_Not measured (the JMH run failed or was skipped)._\n"
    ms = r["score"]
    return ("| flow | ms/op (± 99.9% CI) | MB allocated/op | target | × target | met |\n|---|---:|---:|---|---:|---|\n"
            f"| enroll (12 IAM calls, PUT, two codes) + AssumeRole with a code from the key, warm | {fmt(ms, 1)}"
            f"{err(r['error'])} | {fmt((r['alloc'] or 0) / 1e6, 1)} | ≤ {ENROLL_TARGET_MS:.0f} ms | "
            f"{ms / ENROLL_TARGET_MS:.2f} | {ok(ms <= ENROLL_TARGET_MS)} |\n")


def pcsc_table(d):
    res, skipped = result_lines(os.path.join(d, "pcsc.txt"))
    lines = ["| loopback route | APDU p50 µs | p90 | p99 | mean µs | mean × 1 ms target | CALCULATE p50 / mean µs | met (with quickack) |",
             "|---|---:|---:|---:|---:|---:|---:|---|"]
    any_row = False
    for label in ("quickack", "plain"):
        a = res.get(f"pcsc.{label}.select_apdu")
        c = res.get(f"pcsc.{label}.calculate")
        if not a:
            reason = skipped.get(f"pcsc.{label}") or next(iter(skipped.values()), "not measured")
            lines.append(f"| {label} | skipped: {reason} | | | | | | |")
            continue
        any_row = True
        met = ok(a["mean_us"] <= APDU_TARGET_US) if label == "quickack" else "(anchor)"
        lines.append(f"| {'quickack 1' if label == 'quickack' else 'default (delayed ACKs)'} | {fmt(a['p50_us'])} | "
                     f"{fmt(a['p90_us'])} | {fmt(a['p99_us'])} | {fmt(a['mean_us'])} | {a['mean_us'] / APDU_TARGET_US:.2f} | "
                     f"{fmt(c['p50_us']) if c else '—'} / {fmt(c['mean_us']) if c else '—'} | {met} |")
    extra = ""
    if any_row:
        first = next(r for r in res.values() if "reader" in r)
        extra = f"\nReader: `{first['reader']}`; {first['n']} round trips per row, each timed alone.\n"
    return "\n".join(lines) + "\n" + extra


def aws_tables(d):
    res, skipped = result_lines(os.path.join(d, "aws.txt"))
    if not res:
        reason = next(iter(skipped.values()), "aws-sim had not landed, or the run failed")
        return f"_Not measured: {reason}._\n", "_Not measured._\n"
    lines = ["| request | clients | users/devices | req/s | × 5,000 target | p50 ms | p99 ms | p99 × 10 ms target | errors | "
             "harness: prep µs/req, CPU share | met |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    gci16 = None
    for name, r in sorted(res.items(), key=lambda kv: (kv[0].split(".c")[0], kv[1].get("clients", 0))):
        if name.startswith("aws.get_caller_identity") and r.get("clients") == 16:
            gci16 = r
    order = [n for n in res if n.startswith("aws.assume_role.")] + \
            [n for n in res if n.startswith("aws.get_caller_identity.")] + \
            [n for n in res if n.startswith("aws.wrong_code.") or n.startswith("aws.replayed_code.")]
    for name in order:
        r = res[name]
        kind = {"ASSUME_ROLE": "AssumeRole + fresh MFA code", "GET_CALLER_IDENTITY": "GetCallerIdentity (baseline)",
                "WRONG_CODE": "AssumeRole, wrong code (403)", "REPLAYED_CODE": "AssumeRole, replayed code (403)"}[r["kind"]]
        rps = r["throughput_rps"]
        p99 = r["p99_us"] / 1000
        met = ""
        if r["kind"] == "ASSUME_ROLE" and r["clients"] == 16:
            met = ok(rps >= AWS_RPS_TARGET) + " rate; " + ok(p99 <= AWS_P99_TARGET_MS) + " p99; " + ok(r["errors"] == 0) + " errors"
        note = " (all users used this step: phase ended early)" if r.get("users_exhausted") else ""
        lines.append(f"| {kind}{note} | {r['clients']} | {r['users']:,} | {fmt(rps)} | {rps / AWS_RPS_TARGET:.2f} | "
                     f"{r['p50_us'] / 1000:.2f} | {p99:.2f} | {p99 / AWS_P99_TARGET_MS:.2f} | {r['errors']} | "
                     f"{fmt(r['client_prep_us'])}, {r['client_cpu_share'] * 100:.0f}% | {met} |")
    a16 = res.get("aws.assume_role.c16")
    extra = []
    if a16 and gci16:
        extra.append(f"AssumeRole(16 clients) / GetCallerIdentity(16 clients) throughput: "
                     f"{a16['throughput_rps'] / gci16['throughput_rps']:.2f}.")
    st = res.get("aws.startup")
    if st:
        extra.append(f"Start-up in-process: first `AwsSimulator.start()` in a fresh JVM {st['cold_ms']:.0f} ms, "
                     f"a second one {st['warm_ms']:.1f} ms.")
    sd = res.get("aws.seed")
    if sd:
        extra.append(f"Seeding {sd['users']:,} users with enabled devices in-process: {sd['seconds']:.1f} s "
                     f"({sd['users_per_s']:,.0f} users/s).")
    main = "\n".join(lines) + "\n\n" + " ".join(extra) + "\n"

    sc = ["| users/devices in the store | AssumeRole (1 client) n | p50 ms | p99 ms | GetCallerIdentity (1 client) p50 ms | p99 ms |",
          "|---:|---:|---:|---:|---:|---:|"]
    top = res.get("aws.assume_role.c1")
    if top and res.get("aws.get_caller_identity.c1"):
        res[f"aws.scale.u{top['users']}.assume_role"] = top
        res[f"aws.scale.u{top['users']}.get_caller_identity"] = res["aws.get_caller_identity.c1"]
    levels = sorted({int(m.group(1)) for n in res for m in [re.match(r"aws\.scale\.u(\d+)\.", n)] if m})
    for u in levels:
        a = res.get(f"aws.scale.u{u}.assume_role")
        g = res.get(f"aws.scale.u{u}.get_caller_identity")
        sc.append(f"| {u:,} | {a['n'] if a else '—'} | {a['p50_us'] / 1000:.3f} | {a['p99_us'] / 1000:.3f} | "
                  f"{g['p50_us'] / 1000:.3f} | {g['p99_us'] / 1000:.3f} |" if a and g else f"| {u:,} | — | | | | |")
    return main, "\n".join(sc) + "\n"


def hyperfine(d, name):
    j = load_json(os.path.join(d, f"hf-{name}.json"))
    if not j:
        return None
    times = [t * 1000 for t in j["results"][0]["times"]]
    return {"median": statistics.median(times), "mean": statistics.mean(times),
            "sd": statistics.stdev(times) if len(times) > 1 else 0.0, "min": min(times), "max": max(times),
            "runs": len(times)}


def process_table(d):
    res, skipped = result_lines(os.path.join(d, "process.txt"), prefix="PROCESS ")
    hello = hyperfine(d, "hello")
    labels = [("hello", "JVM printing \"hello\" (anchor)", None),
              ("aws_version", "`/usr/bin/aws --version` (AWS CLI v2)", None),
              ("credential_process_hit_launcher", "`./ykmfa credential-process` (cache hit; the launcher runs the small companion jar)", "≤ 2× hello"),
              ("credential_process_hit", "`java -jar cli/target/ykmfa.jar credential-process` (cache hit, whole jar)", "(info) ≤ 2× hello"),
              ("demo", "`ykmfa demo` (cold JVM)", "≤ 5 s"),
              ("sim_startup", "`ykmfa sim --no-key` from exec to its `ready` line (aws-sim start-up, whole process)", None),
              ("ykmfa_code", "`ykmfa code NAME` via PC/SC", "≤ ykman"),
              ("ykman_code", "`ykman oath accounts code -s NAME` via PC/SC (anchor for ykmfa code)", None)]
    lines = ["| command | runs | median ms | mean ± sd ms | min–max ms | peak RSS MiB | × hello | target | met |",
             "|---|---:|---:|---:|---:|---:|---:|---|---|"]
    ykman = hyperfine(d, "ykman_code")
    for key, label, target in labels:
        h = hyperfine(d, key)
        r = res.get(key, {})
        if not h:
            reason = skipped.get(key) or skipped.get("cli") or "not measured"
            lines.append(f"| {label} | skipped: {reason} | | | | | | {target or ''} | |")
            continue
        x = h["median"] / hello["median"] if hello else float("nan")
        met = ""
        if key in ("credential_process_hit", "credential_process_hit_launcher"):
            met = ok(x <= CREDENTIAL_PROCESS_TARGET_X_HELLO)
        elif key == "demo":
            met = ok(h["median"] <= DEMO_TARGET_MS) + f" ({h['median'] / DEMO_TARGET_MS:.2f}× target)"
        elif key == "ykmfa_code" and ykman:
            met = ok(h["median"] <= ykman["median"]) + f" ({h['median'] / ykman['median']:.2f}× ykman)"
        rss = r.get("rss_kb")
        lines.append(f"| {label} | {h['runs']} | {fmt(h['median'])} | {fmt(h['mean'])} ± {fmt(h['sd'])} | "
                     f"{fmt(h['min'])}–{fmt(h['max'])} | {fmt(rss / 1024 if rss else None)} | {x:.2f} | "
                     f"{target or ''} | {met} |")
    return "\n".join(lines) + "\n"


def summary(d):
    """One row per DESIGN.md section 9 target: figure, anchor ratio, target ratio, verdict."""
    rows = ["| target (DESIGN.md §9) | figure | anchor | × anchor | × target | met |", "|---|---:|---|---:|---:|---|"]
    t = jmh_index(load_json(os.path.join(d, "jmh-totp.json")))
    floor, mine = t.get("TotpGenerateBenchmark.macFloor"), t.get("TotpGenerateBenchmark.ykmfaInt")
    if floor and mine:
        x = mine["score"] / floor["score"]
        rows.append(f"| TOTP int path ≤ 1.15× reused-Mac floor | {fmt(mine['score'])} ± {fmt(mine['error'])} ns | "
                    f"floor {fmt(floor['score'])} ± {fmt(floor['error'])} ns | {x:.2f} | {x / TOTP_FLOOR_RATIO:.2f} | {ok(x <= TOTP_FLOOR_RATIO)} |")
        a = mine["alloc"] or 0
        rows.append(f"| TOTP int path allocates nothing | {fmt(a, 0)} B/op | floor {fmt(floor['alloc'], 0)} B/op | "
                    f"{(a / floor['alloc']) if floor['alloc'] else float('nan'):.2f} | — | {ok(a < 0.5)} |")
        for peer, label in (("javaOtp", "java-otp"), ("googleauth", "googleauth"), ("samstevens", "samstevens totp")):
            p = t.get("TotpGenerateBenchmark." + peer)
            if p:
                rows.append(f"| TOTP faster than {label} | {fmt(mine['score'])} ns | {label} {fmt(p['score'])} ± "
                            f"{fmt(p['error'])} ns | {mine['score'] / p['score']:.2f} | {mine['score'] / p['score']:.2f} | "
                            f"{ok(mine['score'] < p['score'])} |")
    s = jmh_index(load_json(os.path.join(d, "jmh-sim.json")))
    calc = s.get("SimKeyOpsBenchmark.calculate")
    if calc:
        v = calc["score"] / 1000
        rows.append(f"| CALCULATE ≤ 20 µs (simulated key, in-process) | {v:.2f} µs | target | — | "
                    f"{v / CALCULATE_TARGET_US:.2f} | {ok(v <= CALCULATE_TARGET_US)} |")
    ca = s.get("SimCalculateAllBenchmark.calculateAll[credentials=32]")
    if ca:
        rows.append(f"| CALCULATE ALL (32) ≤ 300 µs | {fmt(ca['score'])} µs | CALCULATE ×32 {fmt(calc['score'] * 32 / 1000) if calc else '—'} µs | "
                    f"{(ca['score'] / (calc['score'] * 32 / 1000)) if calc else float('nan'):.2f} | "
                    f"{ca['score'] / CALCULATE_ALL_32_TARGET_US:.2f} | {ok(ca['score'] <= CALCULATE_ALL_32_TARGET_US)} |")
    li32, li200 = s.get("SimListBenchmark.list[credentials=32]"), s.get("SimListBenchmark.list[credentials=200]")
    if li32 and li200:
        growth = (li200["score"] / li32["score"]) / (200 / 32)
        rows.append(f"| LIST of 200 works (chained) and stays linear | {fmt(li200['score'])} µs | LIST 32 {fmt(li32['score'])} µs | "
                    f"{li200['score'] / li32['score']:.2f} (linear: 6.25) | {growth:.2f} of linear | {ok(growth <= 1.25)} |")
    pc, _ = result_lines(os.path.join(d, "pcsc.txt"))
    q, plain = pc.get("pcsc.quickack.select_apdu"), pc.get("pcsc.plain.select_apdu")
    if q:
        rows.append(f"| PC/SC APDU round trip ≤ 1 ms (quickack) | mean {fmt(q['mean_us'])} µs, p50 {fmt(q['p50_us'])} µs | "
                    f"{'no quickack: mean ' + fmt(plain['mean_us']) + ' µs' if plain else '—'} | "
                    f"{(q['mean_us'] / plain['mean_us']) if plain else float('nan'):.3f} | {q['mean_us'] / APDU_TARGET_US:.2f} | "
                    f"{ok(q['mean_us'] <= APDU_TARGET_US)} |")
    aw, _ = result_lines(os.path.join(d, "aws.txt"))
    a16, g16 = aw.get("aws.assume_role.c16"), aw.get("aws.get_caller_identity.c16")
    if a16:
        anchor = f"GetCallerIdentity {fmt(g16['throughput_rps'])} req/s" if g16 else "—"
        xa = a16["throughput_rps"] / g16["throughput_rps"] if g16 else float("nan")
        rows.append(f"| aws-sim ≥ 5,000 AssumeRole/s (16 clients, fresh MFA codes) | {fmt(a16['throughput_rps'])} req/s "
                    f"({a16['users']:,} users) | {anchor} | {xa:.2f} | {a16['throughput_rps'] / AWS_RPS_TARGET:.2f} | "
                    f"{ok(a16['throughput_rps'] >= AWS_RPS_TARGET)} |")
        rows.append(f"| aws-sim p99 ≤ 10 ms | {a16['p99_us'] / 1000:.2f} ms | GetCallerIdentity p99 "
                    f"{g16['p99_us'] / 1000 if g16 else float('nan'):.2f} ms | "
                    f"{(a16['p99_us'] / g16['p99_us']) if g16 else float('nan'):.2f} | {a16['p99_us'] / 1000 / AWS_P99_TARGET_MS:.2f} | "
                    f"{ok(a16['p99_us'] / 1000 <= AWS_P99_TARGET_MS)} |")
        rows.append(f"| aws-sim zero errors | {a16['errors']} | — | — | — | {ok(a16['errors'] == 0)} |")
    f = jmh_index(load_json(os.path.join(d, "jmh-flow.json"))).get("EnrollAndAssumeBenchmark.enrollAndAssume")
    if f:
        rows.append(f"| enroll-and-assume in-process, warm ≤ 50 ms | {fmt(f['score'], 1)} ± {fmt(f['error'], 1)} ms | target | — | "
                    f"{f['score'] / ENROLL_TARGET_MS:.2f} | {ok(f['score'] <= ENROLL_TARGET_MS)} |")
    hello = hyperfine(d, "hello")
    demo = hyperfine(d, "demo")
    if demo:
        rows.append(f"| `ykmfa demo` cold ≤ 5 s | {fmt(demo['median'])} ms | hello {fmt(hello['median']) if hello else '—'} ms | "
                    f"{(demo['median'] / hello['median']) if hello else float('nan'):.1f} | {demo['median'] / DEMO_TARGET_MS:.2f} | "
                    f"{ok(demo['median'] <= DEMO_TARGET_MS)} |")
    for key, label in (("credential_process_hit_launcher", "`ykmfa credential-process` (launcher) cache hit ≤ 2× JVM hello"),
                       ("credential_process_hit", "… the same via `java -jar cli/target/ykmfa.jar` (whole jar)")):
        cp = hyperfine(d, key)
        if cp and hello:
            x = cp["median"] / hello["median"]
            rows.append(f"| {label} | {fmt(cp['median'])} ms | hello {fmt(hello['median'])} ms (interleaved) | "
                        f"{x:.2f} | {x / CREDENTIAL_PROCESS_TARGET_X_HELLO:.2f} | {ok(x <= CREDENTIAL_PROCESS_TARGET_X_HELLO)} |")
    yc, yk = hyperfine(d, "ykmfa_code"), hyperfine(d, "ykman_code")
    if yc and yk:
        x = yc["median"] / yk["median"]
        rows.append(f"| `ykmfa code NAME` via PC/SC no slower than ykman | {fmt(yc['median'])} ms | ykman {fmt(yk['median'])} ms (interleaved) | "
                    f"{x:.2f} | {x:.2f} | {ok(x <= 1.0)} |")
    rows.append("| `mvn -B verify` ≤ 5 min | not measured here (CI's figure) | | | | |")
    return "\n".join(rows) + "\n"


def machine(d):
    facts = {}
    try:
        with open(os.path.join(d, "machine.txt")) as f:
            for line in f:
                k, _, v = line.partition(": ")
                facts[k.strip()] = v.strip()
    except OSError:
        pass
    sections = []
    try:
        with open(os.path.join(d, "sections.txt")) as f:
            for line in f:
                name, t, load = line.strip().split("|")
                sections.append(f"{name} {t} (load {load})")
    except OSError:
        pass
    out = [f"- {k}: {v}" for k, v in facts.items()]
    if sections:
        out.append("- sections started (UTC, 1-min load average): " + "; ".join(sections))
    return "\n".join(out) + "\n"


def replace_block(text, name, body):
    begin, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    block = f"{begin}\n{body.rstrip()}\n{end}"
    if begin in text and end in text:
        return re.sub(re.escape(begin) + r".*?" + re.escape(end), lambda _: block, text, flags=re.S)
    return text.rstrip() + f"\n\n### {name}\n\n{block}\n"


def main():
    d, readme = sys.argv[1], sys.argv[2]
    try:
        with open(readme) as f:
            text = f.read()
    except OSError:
        text = "# ykmfa benchmarks\n"
    gen, ver = totp_tables(d)
    sim, scaling = sim_tables(d)
    aws, aws_scaling = aws_tables(d)
    for name, body in (("summary", summary(d)), ("machine", machine(d)), ("totp-generate", gen), ("totp-verify", ver), ("sim", sim),
                       ("sim-scaling", scaling), ("flow", flow_table(d)), ("pcsc", pcsc_table(d)), ("aws", aws),
                       ("aws-scaling", aws_scaling), ("process", process_table(d))):
        text = replace_block(text, name, body)
    with open(readme, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
