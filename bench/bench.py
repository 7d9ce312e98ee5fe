#!/usr/bin/env python3
"""ior's end-to-end benchmark, run by bench/run.sh (which installs and builds what it needs).

Runs bench/workload under each tracer side by side, interleaved: every repetition runs
every configuration once (in a rotated order), so each traced run has an untraced run of
the same repetition to be compared with while the machine's speed drifts. Prints one
table per workload and writes BENCHMARKS.md and the raw numbers (bench/results/).

A run: the workload starts its threads and waits (--wait); the tracer attaches (to its
pid, or launches it as a child when the tracer only can); SIGUSR1 starts the timed mix;
the workload prints its rate and the exact count of every syscall it made; the tracer
is stopped (Ctrl-C) and its own figures are read.
"""

import argparse
import datetime
import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TARGET = os.path.join(HERE, "target")
RUNS = os.path.join(TARGET, "runs")
RESULTS = os.path.join(HERE, "results")
WORKLOAD = os.path.join(TARGET, "workload")
REF = os.path.join(TARGET, "ref-consumer")
BPF_OBJECT = os.path.join(TARGET, "ior.bpf.o")
IOR_JAR = os.path.join(ROOT, "ior-cli", "target", "ior.jar")
CLK_TCK = os.sysconf("SC_CLK_TCK")
IOR_PROGRAMS = 7  # links ior attaches: syscall pair, fork/exec/exit, io_uring pair


def java():
    return os.path.join(os.environ["JAVA_HOME"], "bin", "java")


def default_signals():
    """Children get default SIGINT/SIGQUIT even when this script runs in the background."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGQUIT, signal.SIG_DFL)


def cpu_seconds(pid):
    """user + system seconds of process pid, all its threads, from /proc; None once gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return None


def bpf_links(pid):
    """How many BPF links process pid holds."""
    n = 0
    try:
        for fd in os.listdir(f"/proc/{pid}/fdinfo"):
            try:
                with open(f"/proc/{pid}/fdinfo/{fd}") as f:
                    n += "link_id:" in f.read()
            except OSError:
                pass
    except OSError:
        pass
    return n


def load_average():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def wait_until(condition, timeout, what, process=None):
    deadline = time.monotonic() + timeout
    while not condition():
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what}: the tracer exited early ({process.returncode})")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what}: not ready after {timeout} s")
        time.sleep(0.02)


def read_report(stream):
    """The workload's report lines up to 'end': rate, total and counts."""
    report = {"counts": {}}
    for line in stream:
        words = line.split()
        if not words:
            continue
        if words[0] == "end":
            return report
        if words[0] == "rate":
            report["rate"] = float(words[1])
        elif words[0] == "total":
            report["total"] = int(words[1])
        elif words[0] == "count":
            report["counts"][words[1]] = int(words[2])
    raise RuntimeError("the workload ended without its report")


def read_ready(stream):
    for line in stream:
        if line.startswith("ready "):
            return int(line.split()[1])
    raise RuntimeError("the workload never said ready")


class Scenario:
    def __init__(self, mix, threads, seconds):
        self.mix, self.threads, self.seconds = mix, threads, seconds
        self.name = f"{mix} x{threads}"

    def command(self):
        return [WORKLOAD, "--wait", self.mix, str(self.seconds), str(self.threads), "/dev/shm"]


class Config:
    """One way of running the workload: untraced, or under one tracer."""
    name = ""
    launches = False  # the tracer starts the workload as its child (else it attaches to the pid)
    discards_stdout = False  # the tracer prints every event: to /dev/null

    def tracer_command(self, scenario, pid, files):
        return None

    def ready(self, tracer, files):
        return True

    def results(self, run, files, workload):
        return {}


class Untraced(Config):
    name = "untraced"


class IorConfig(Config):
    """ior itself, attached with --pid once the workload waits."""

    def __init__(self, name, args, discards_stdout=False):
        self.name, self.args, self.discards_stdout = name, args, discards_stdout

    def tracer_command(self, scenario, pid, files):
        args = [a.replace("{recording}", files["recording"]) for a in self.args]
        return [java(), "-jar", IOR_JAR] + args + ["--pid", str(pid)]

    def ready(self, tracer, files):
        return bpf_links(tracer.pid) >= IOR_PROGRAMS

    def results(self, run, files, workload):
        summary = re.findall(r"ior: events=(\d+) lost_kernel=(\d+) dropped_user=(\d+)", read(files["stderr"]))
        if not summary:
            raise RuntimeError(f"{self.name}: no summary line: {read(files['stderr'])[-500:]}")
        events, lost, dropped = map(int, summary[-1])
        result = {"events": events, "lost": lost + dropped, "lost_kernel": lost, "dropped_user": dropped}
        counts = self.counts(files)
        if counts is not None:
            result["counts"] = counts
            result["correct"] = counts == workload["counts"]
        else:
            result["correct"] = events == workload["total"]
        return result

    def counts(self, files):
        return None


class IorStats(IorConfig):
    def counts(self, files):
        return json_counts(read(files["stdout"]))


class IorRecord(IorConfig):
    def counts(self, files):
        """The recording read back by ior stats --input: what it holds per syscall."""
        recording = files["recording"]
        out = subprocess.run([java(), "-jar", IOR_JAR, "stats", "--input", recording, "--format", "json"],
                             capture_output=True, text=True, check=True).stdout
        files["recording_bytes"] = os.path.getsize(recording)
        os.remove(recording)
        return json_counts(out)


def json_counts(text):
    report = json.loads(text)
    return {line["syscall"]: line["calls"] for line in report["syscalls"]}


class Reference(Config):
    """The C libbpf consumer of ior's own BPF object (bench/ref-consumer.c)."""
    name = "C reference (ior's BPF object, libbpf)"

    def __init__(self, confs):
        self.confs = confs

    def tracer_command(self, scenario, pid, files):
        return [REF, "--pid", str(pid), BPF_OBJECT, "36000"] + self.confs

    def ready(self, tracer, files):
        return "ready" in read(files["stderr"])

    def results(self, run, files, workload):
        out = dict(re.findall(r"^(\w+) (\S+)$", read(files["stdout"]), re.M))
        events = int(out["events"])
        return {"events": events, "lost": int(out["lost"]), "correct": events == workload["total"]}


class Bpftrace(Config):
    launches = True

    def __init__(self, name, program, per_event):
        self.name, self.program, self.per_event = name, program, per_event

    def tracer_command(self, scenario, pid, files):
        return ["bpftrace", "-o", files["output"], "-e", self.program, "-c", " ".join(scenario.command())]

    def results(self, run, files, workload):
        text = read(files["output"])
        lost = sum(int(n) for n in re.findall(r"Lost (\d+) events", text))
        if self.per_event:
            events = len(re.findall(r"^\d+ \d+ -?\d+ \d+$", text, re.M))
        else:
            events = sum(int(n) for n in re.findall(r"^@\[\d+\]: (\d+)$", text, re.M))
        os.remove(files["output"])
        return {"events": events, "lost": lost}


class Strace(Config):
    name = "strace -f -c"
    launches = True

    def tracer_command(self, scenario, pid, files):
        return ["strace", "-f", "-c", "-o", files["output"]] + scenario.command()

    def results(self, run, files, workload):
        total = re.findall(r"^\s*100\.00\s+\S+\s+\S+\s+(\d+)\s+(?:\d+\s+)?total$", read(files["output"]), re.M)
        return {"events": int(total[-1]) if total else None, "lost": 0}


class PerfTrace(Config):
    name = "perf trace -s"
    launches = True

    def tracer_command(self, scenario, pid, files):
        return ["perf", "trace", "-s", "-o", files["output"]] + scenario.command()

    def results(self, run, files, workload):
        text = read(files["output"])
        calls = re.findall(r"^\s+[a-z_0-9]+\s+(\d+)\s+\d+\s+[\d.]+\s", text, re.M)
        lost = sum(int(n) for n in re.findall(r"LOST (\d+) events", text))
        return {"events": sum(int(n) for n in calls), "lost": lost}


def read(path):
    try:
        with open(path, errors="replace") as f:
            return f.read()
    except FileNotFoundError:
        return ""


BPFTRACE_PER_EVENT = """
tracepoint:raw_syscalls:sys_enter /pid == cpid/ { @start[tid] = nsecs; }
tracepoint:raw_syscalls:sys_exit /pid == cpid && @start[tid]/ {
  printf("%d %d %d %d\\n", tid, args->id, args->ret, nsecs - @start[tid]); delete(@start[tid]);
}
"""
BPFTRACE_COUNT = "tracepoint:raw_syscalls:sys_exit /pid == cpid/ { @[args->id] = count(); }"


def configs(confs):
    return {
        "untraced": Untraced(),
        "ior-stats": IorStats("ior stats (live session, full pipeline: decode, fd->path, aggregations)",
                              ["stats", "--format", "json"]),
        "ior-record": IorRecord("ior record (Parquet)", ["record", "-o", "{recording}"]),
        "ior-trace": IorConfig("ior trace (CSV to /dev/null)", ["trace"], discards_stdout=True),
        "ref": Reference(confs),
        "bpftrace-event": Bpftrace("bpftrace (one line per syscall)", BPFTRACE_PER_EVENT, True),
        "bpftrace-count": Bpftrace("bpftrace (in-kernel count)", BPFTRACE_COUNT, False),
        "strace": Strace(),
        "perf": PerfTrace(),
    }


def run_once(config, scenario, rep):
    """Runs the workload once under config; returns the run's figures."""
    os.makedirs(RUNS, exist_ok=True)
    stem = os.path.join(RUNS, f"{scenario.mix}-{scenario.threads}-{config.name.split()[0]}-{rep}")
    files = {"stdout": stem + ".out", "stderr": stem + ".err", "output": "/dev/shm/ior-bench-tracer.out",
             "recording": stem + ".parquet"}
    run = {"config": config.name, "scenario": scenario.name, "rep": rep, "load": load_average(),
           "start": time.time()}
    tracer = workload = None
    try:
        if config.launches:
            tracer = subprocess.Popen(config.tracer_command(scenario, None, files), stdout=subprocess.PIPE,
                                      stderr=open(files["stderr"], "w"), text=True, preexec_fn=default_signals)
            output = tracer.stdout
            pid = read_ready(output)
        else:
            workload = subprocess.Popen(scenario.command(), stdout=subprocess.PIPE, text=True)
            output = workload.stdout
            pid = read_ready(output)
            command = config.tracer_command(scenario, pid, files)
            if command:
                launched = time.monotonic()
                stdout = subprocess.DEVNULL if config.discards_stdout else open(files["stdout"], "w")
                tracer = subprocess.Popen(command, stdout=stdout, stderr=open(files["stderr"], "w"),
                                          preexec_fn=default_signals)
                wait_until(lambda: config.ready(tracer, files), 60, config.name, tracer)
                run["startup_s"] = time.monotonic() - launched
        cpu_before = cpu_seconds(tracer.pid) if tracer else None
        started = time.monotonic()
        os.kill(pid, signal.SIGUSR1)
        report = read_report(output)
        run["wall_s"] = time.monotonic() - started
        if tracer:
            cpu_after = cpu_seconds(tracer.pid)
            if cpu_before is not None and cpu_after is not None:
                run["tracer_cpu_s"] = cpu_after - cpu_before
        run.update(rate=report["rate"], total=report["total"], workload_counts=report["counts"])
        if workload:
            workload.wait()
        if tracer and not config.launches:
            stopping = time.monotonic()
            tracer.send_signal(signal.SIGINT)
            tracer.wait(timeout=120)
            run["quit_s"] = time.monotonic() - stopping
        elif tracer:
            tracer.wait(timeout=300)
        run.update(config.results(run, files, report))
        if "recording_bytes" in files:
            run["recording_bytes"] = files["recording_bytes"]
        return run
    finally:
        for process in (tracer, workload):
            if process and process.poll() is None:
                process.kill()
                process.wait()


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def summarize(runs, scenario, names, baseline="untraced", reference="ref"):
    """One row per configuration: medians of the repetitions, ratios within each repetition."""
    by = {}
    for r in runs:
        if r["scenario"] == scenario:
            by.setdefault(r["config"], {})[r["rep"]] = r
    base = by.get(names[baseline], {})
    ref = by.get(names[reference], {})
    rows = []
    for key, name in names.items():
        reps = by.get(name)
        if not reps:
            continue
        slowdowns = {rep: base[rep]["rate"] / r["rate"] for rep, r in reps.items() if rep in base}
        ref_slowdowns = {rep: base[rep]["rate"] / r["rate"] for rep, r in ref.items() if rep in base}
        vs_ref = [slowdowns[rep] / ref_slowdowns[rep] for rep in slowdowns if rep in ref_slowdowns]
        seconds = {rep: (r["total"] - 1) / r["rate"] for rep, r in reps.items()}
        delivered = [r["events"] / seconds[rep] for rep, r in reps.items() if r.get("events") is not None]
        cpu = [100 * r["tracer_cpu_s"] / r["wall_s"] for r in reps.values() if "tracer_cpu_s" in r]
        lost = [r["lost"] for r in reps.values() if r.get("lost") is not None]
        events = [r["events"] for r in reps.values() if r.get("events") is not None]
        correct = [r["correct"] for r in reps.values() if "correct" in r]
        rows.append({
            "key": key, "name": name, "runs": len(reps),
            "rate": median([r["rate"] for r in reps.values()]),
            "slowdown": median(slowdowns.values()) if key != baseline else 1.0,
            "vs_ref": median(vs_ref) if key not in (baseline, reference) and vs_ref else None,
            "delivered": median(delivered), "lost": sum(lost) if lost else None,
            "lost_share": sum(lost) / max(1, sum(events) + sum(lost)) if lost and events else None,
            "cpu": median(cpu), "correct": f"{sum(correct)}/{len(correct)}" if correct else None,
            "startup": median([r.get("startup_s") for r in reps.values()]),
            "quit": median([r.get("quit_s") for r in reps.values()]),
        })
    return rows


def fmt_rate(v):
    if v is None:
        return "-"
    return f"{v / 1e6:.2f} M" if v >= 1e6 else f"{v / 1e3:.0f} k"


def fmt(v, pattern, none="-"):
    return none if v is None else pattern.format(v)


def table(rows):
    header = ["tracer", "workload syscalls/s", "slowdown ×", "× of C ref", "events delivered/s", "events lost",
              "tracer CPU %", "counts match"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for r in rows:
        lost = "-" if r["lost"] is None else f"{r['lost']:,}" + (
            f" ({100 * r['lost_share']:.2f} %)" if r["lost"] and r["lost_share"] is not None else "")
        cells = [r["name"], fmt_rate(r["rate"]), fmt(r["slowdown"], "{:.2f}"), fmt(r["vs_ref"], "{:.2f}"),
                 fmt_rate(r["delivered"]) if r["key"] != "untraced" else "-", lost if r["key"] != "untraced" else "-",
                 fmt(r["cpu"], "{:.1f}"), r["correct"] or "-"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def run_benchmark(args, scenarios, chosen):
    runs = []
    order = list(chosen)
    for rep in range(1, args.reps + 1):
        for scenario in scenarios:
            wait_for_quiet(args.max_load)
            rotation = order[(rep - 1) % len(order):] + order[:(rep - 1) % len(order)]
            for config in rotation:
                print(f"[{rep}/{args.reps}] {scenario.name:12} {config.name} ...", end=" ", flush=True)
                try:
                    run = run_once(config, scenario, rep)
                except Exception as e:  # one failed run is reported, the others go on
                    print(f"failed: {e}")
                    runs.append({"config": config.name, "scenario": scenario.name, "rep": rep, "error": str(e)})
                    continue
                runs.append(run)
                print(f"{run['rate'] / 1e3:.0f} k/s, load {run['load']:.1f}"
                      + (f", events {run['events']}, lost {run['lost']}" if run.get("events") is not None else ""))
    return runs


def wait_for_quiet(max_load, patience=600):
    if max_load <= 0:
        return
    deadline = time.monotonic() + patience
    while load_average() > max_load and time.monotonic() < deadline:
        print(f"load average {load_average():.1f} > {max_load}: waiting", flush=True)
        time.sleep(15)


def measure_startup_and_quit(reps):
    """ior trace on an idle host: launch to attached, Ctrl-C to exit, per probe set."""
    sets = {"default probe set": [], "every probe (--syscalls '*,io_uring:*')": ["--syscalls", "*,io_uring:*"],
            "one syscall (--syscalls read)": ["--syscalls", "read"]}
    results = []
    log = os.path.join(RUNS, "startup.err")
    for rep in range(1, reps + 1):
        for name, args in sets.items():
            launched = time.monotonic()
            ior = subprocess.Popen([java(), "-jar", IOR_JAR, "trace", "--verbose"] + args,
                                   stdout=subprocess.DEVNULL, stderr=open(log, "w"), preexec_fn=default_signals)
            wait_until(lambda: bpf_links(ior.pid) >= IOR_PROGRAMS, 60, "ior trace", ior)
            startup = time.monotonic() - launched
            time.sleep(1)
            stopping = time.monotonic()
            ior.send_signal(signal.SIGINT)
            ior.wait(timeout=60)
            quit_s = time.monotonic() - stopping
            err = read(log)
            attach = re.findall(r"opened, loaded and attached in (\d+) ms", err)
            results.append({"probes": name, "rep": rep, "startup_s": startup, "quit_s": quit_s,
                            "attach_ms": int(attach[-1]) if attach else None})
    return results


def machine():
    def first(command):
        try:
            return subprocess.run(command, capture_output=True, text=True, timeout=30).stdout.strip().splitlines()[0]
        except (OSError, IndexError, subprocess.SubprocessError):
            return "?"

    cpu = next((l.split(":", 1)[1].strip() for l in read("/proc/cpuinfo").splitlines()
                if l.startswith("model name")), "?")
    memory = next((int(l.split()[1]) // 1024 // 1024 for l in read("/proc/meminfo").splitlines()
                   if l.startswith("MemTotal")), 0)
    java_version = subprocess.run([java(), "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return {
        "cpu": f"{os.cpu_count()} x {cpu}", "memory": f"{memory} GiB", "kernel": platform.release(),
        "os": first(["sh", "-c", ". /etc/os-release; echo $PRETTY_NAME"]), "java": java_version,
        "libbpf": first(["sh", "-c", "ls /usr/lib/*/libbpf.so.1.* | sed 's/.*libbpf.so.//'"]),
        "bpftrace": first(["bpftrace", "--version"]), "strace": first(["strace", "-V"]),
        "perf": first(["perf", "--version"]),
    }


def targets(summaries, startup):
    """The issue's targets, each with the measured figure and whether it is met."""
    lines = []

    def row(scenario, key):
        return next((r for r in summaries.get(scenario, []) if r["key"] == key), None)

    for scenario, bound in (("pread1 x1", 1.10), ("mixed x1", 1.15), ("pread1 x2", 1.15), ("mixed x2", 1.15)):
        stats = row(scenario, "ior-stats")
        if not stats or stats["vs_ref"] is None:
            continue
        lines.append(verdict(f"{scenario}: ior stats' slowdown within {bound:.2f}× of the C reference's",
                             f"{stats['vs_ref']:.2f}×", stats["vs_ref"] <= bound))
        lines.append(verdict(f"{scenario}: ior stats loses no event with the default ring",
                             f"{stats['lost']} lost", stats["lost"] == 0))
        lines.append(verdict(f"{scenario}: ior stats' per-syscall counts equal the workload's",
                             f"{stats['correct']} runs", stats["correct"].split("/")[0] == stats["correct"].split("/")[1]))
    stats, count = row("pread1 x1", "ior-stats"), row("pread1 x1", "bpftrace-count")
    if stats and stats["cpu"] is not None:
        lines.append(verdict("pread1 x1: ior's consumer under 25 % of one core", f"{stats['cpu']:.1f} %",
                             stats["cpu"] < 25))
    if stats and count:
        lines.append(verdict("pread1 x1: ior stats' slowdown lower than bpftrace's in-kernel counting's",
                             f"{stats['slowdown']:.2f}× vs {count['slowdown']:.2f}×",
                             stats["slowdown"] < count["slowdown"]))
    record = row("pread1 x1", "ior-record")
    if record:
        lines.append(verdict("pread1 x1: ior record loses nothing", f"{record['lost']} lost", record["lost"] == 0))
    if startup:
        worst_start = max(median([r["attach_ms"] for r in startup if r["probes"] == p]) or 0
                          for p in {r["probes"] for r in startup})
        worst_quit = max(median([r["quit_s"] for r in startup if r["probes"] == p]) for p in {r["probes"] for r in startup})
        lines.append(verdict("startup (open, load, attach) under 1 s", f"{worst_start} ms", worst_start < 1000))
        lines.append(verdict("quitting under 2 s, every probe set", f"{worst_quit:.2f} s", worst_quit < 2))
    return lines


def verdict(target, measured, met):
    return f"| {target} | {measured} | {'met' if met else '**not met**'} |"


def write_markdown(path, meta, summaries, startup, runs, jmh_text):
    loads = [r["load"] for r in runs if "load" in r]
    out = ["# ior benchmarks", "",
           "Written by `sudo bench/run.sh` (the command below); the raw numbers of every run are in "
           "[bench/results/e2e.json](bench/results/e2e.json). Ratios are taken within each repetition "
           "(a traced run against the untraced run of the same repetition), then the median is shown.", "",
           f"- command: `{meta['command']}`",
           f"- date: {meta['date']}, {meta['duration_min']:.0f} min",
           f"- machine: {meta['machine']['cpu']}, {meta['machine']['memory']}, {meta['machine']['os']}, "
           f"kernel {meta['machine']['kernel']}",
           f"- software: {meta['machine']['java']}; libbpf {meta['machine']['libbpf']}; "
           f"{meta['machine']['bpftrace']}; {meta['machine']['strace']}; {meta['machine']['perf']}",
           f"- load average (1 min) at the runs' starts: min {min(loads):.1f}, median {median(loads):.1f}, "
           f"max {max(loads):.1f} on {os.cpu_count()} cores" if loads else "- load average: -",
           f"- {meta['reps']} repetitions of {meta['seconds']} s per configuration and workload; "
           f"failed runs: {sum(1 for r in runs if 'error' in r)}", ""]
    for scenario, rows in summaries.items():
        out += [f"## {scenario}", "", table(rows), ""]
    out += ["Columns: the workload's own rate (median); its slowdown against the untraced run of the same "
            "repetition; that slowdown divided by the C reference's in the same repetition; events the "
            "tracer delivered per second of the workload's run (bpftrace in-kernel counting and strace -c, "
            "perf trace -s count, they deliver no events); events lost over all runs (ring or buffer full, "
            "recorder queue full); the tracer's CPU time (all its threads) over the run's wall time, in % of "
            "one core; runs whose per-syscall counts equal the workload's own (ior: the table of ior stats, "
            "the recording read back with ior stats --input; others: the total).", ""]
    if startup:
        out += ["## Startup and quitting", "",
                "`ior trace` on an idle host, per probe set: launching the JVM until every program is attached "
                "(what the user waits for), ior's own open + load + attach (its --verbose log), and Ctrl-C until "
                "the shell has control back (median).", "",
                "| probe set | launch to attached | open, load, attach | Ctrl-C to exit |", "|---|---|---|---|"]
        for probes in dict.fromkeys(r["probes"] for r in startup):
            rs = [r for r in startup if r["probes"] == probes]
            out.append(f"| {probes} | {median([r['startup_s'] for r in rs]):.2f} s | "
                       f"{fmt(median([r['attach_ms'] for r in rs]), '{:.0f} ms')} | "
                       f"{median([r['quit_s'] for r in rs]):.2f} s |")
        ior_quit = [r for rows in summaries.values() for r in rows if r["quit"] is not None]
        if ior_quit:
            out += ["", "Under load (the runs above, Ctrl-C right after the workload ends: drain the ring, "
                        "finish the output, detach, exit), median:", ""]
            out += [f"- {scenario}, {r['name'].split(' (')[0]}: {r['quit']:.2f} s"
                    for scenario, rows in summaries.items() for r in rows if r["quit"] is not None]
        out.append("")
    target_lines = targets(summaries, startup)
    if target_lines:
        out += ["## Targets", "", "| target | measured | |", "|---|---|---|"] + target_lines + [""]
    if jmh_text:
        out += ["## JMH (one core, `bench/run.sh --jmh`)", "", jmh_text, ""]
    with open(path, "w") as f:
        f.write("\n".join(out))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=5, help="repetitions of every configuration (default 5)")
    parser.add_argument("--seconds", type=float, default=5, help="the workload's timed run (default 5)")
    parser.add_argument("--scenarios", default="pread1:1,mixed:1,pread1:2",
                        help="MIX:THREADS,... (default pread1:1,mixed:1,pread1:2)")
    parser.add_argument("--configs", default=None, help="configurations to run, comma-separated (default all): "
                        + ", ".join(configs([])))
    parser.add_argument("--max-load", type=float, default=0,
                        help="before each repetition wait (up to 10 min) until the load average is below this")
    parser.add_argument("--no-startup", action="store_true", help="skip the startup and quitting measurement")
    parser.add_argument("--jmh-results", default=None, help="a JMH result text to include in BENCHMARKS.md")
    parser.add_argument("--confs", default=None, help="file with the syscall settings (bench_confs)")
    parser.add_argument("--command", default="sudo bench/run.sh", help="the command line to quote")
    parser.add_argument("--output", default=os.path.join(ROOT, "BENCHMARKS.md"))
    args = parser.parse_args()

    confs = read(args.confs).split() if args.confs else []
    all_configs = configs(confs)
    keys = args.configs.split(",") if args.configs else list(all_configs)
    unknown = [k for k in keys if k not in all_configs]
    if unknown:
        parser.error(f"unknown configurations {unknown}; known: {', '.join(all_configs)}")
    if "untraced" not in keys:
        keys.insert(0, "untraced")
    chosen = [all_configs[k] for k in keys]
    names = {k: all_configs[k].name for k in keys}
    scenarios = [Scenario(s.split(":")[0], int(s.split(":")[1]), args.seconds) for s in args.scenarios.split(",")]

    began = time.time()
    runs = run_benchmark(args, scenarios, chosen)
    startup = [] if args.no_startup else measure_startup_and_quit(args.reps)
    ok = [r for r in runs if "error" not in r]
    summaries = {s.name: summarize(ok, s.name, names, reference="ref" if "ref" in keys else "untraced")
                 for s in scenarios}
    meta = {"command": args.command, "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "duration_min": (time.time() - began) / 60, "machine": machine(), "reps": args.reps,
            "seconds": args.seconds}
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, "e2e.json"), "w") as f:
        json.dump({"meta": meta, "runs": runs, "startup": startup, "summaries": summaries}, f, indent=1)
    jmh_text = read(args.jmh_results) if args.jmh_results else read(os.path.join(RESULTS, "jmh.md"))
    write_markdown(args.output, meta, summaries, startup, runs, jmh_text)
    for scenario, rows in summaries.items():
        print(f"\n{scenario}\n{table(rows)}")
    print(f"\nwrote {args.output} and {os.path.join(RESULTS, 'e2e.json')}")


if __name__ == "__main__":
    main()
