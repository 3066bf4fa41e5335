#!/usr/bin/env python3
"""Generation jobs, side by side in one run: books per minute for offline 32-page books on one SQLite node, and on
PostgreSQL with the server plus a second `storyloom worker`; and the queue-to-start latency of one task on an idle system.

Usage: bench/jobs.py [books]   (default 6 per case; needs the test PostgreSQL that ./storyloom test starts, or
       STORYLOOM_TEST_POSTGRES). Builds the CLI in Release into .tools/cli. Writes bench/out/jobs.md and prints it.
"""
import json, os, subprocess, sys, tempfile, time, urllib.request, statistics, shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.path.join(ROOT, ".tools", "cli", "storyloom.dll")
N = int(sys.argv[1]) if len(sys.argv) > 1 else 6
PG = os.environ.get("STORYLOOM_TEST_POSTGRES", "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres")
PORT = 5098


def call(method, path, token=None, body=None):
    req = urllib.request.Request(f"http://127.0.0.1:{PORT}/api/v1{path}", method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"content-type": "application/json", **({"authorization": f"Bearer {token}"} if token else {})})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read() or b"null")


def wait_up():
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/health/live", timeout=2)
            return
        except Exception:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


def signed_in():
    email, password = "bench@example.test", "benchmark password 1"
    call("POST", "/auth/register", body={"email": email, "password": password, "displayName": "Bench"})
    return call("POST", "/auth/login", body={"email": email, "password": password})["accessToken"]


def book(token, i):
    return call("POST", "/books", token, {"title": f"Bench Book {i}", "kind": "story", "ageGroup": "3-5", "theme": "friendship",
                                          "trim": "8.5x8.5", "pageCount": 32, "seed": 100 + i})["id"]


def run_books(token, n):
    ids = [book(token, i) for i in range(n)]
    started = time.monotonic()
    tasks = [call("POST", f"/books/{b}/generate", token)["id"] for b in ids]
    while True:
        states = [call("GET", f"/tasks/{t}", token)["status"] for t in tasks]
        if all(s in ("succeeded", "failed", "cancelled") for s in states):
            break
        time.sleep(0.5)
    elapsed = time.monotonic() - started
    return elapsed, states.count("succeeded")


def queue_latency(token, n=5):
    lat = []
    for i in range(n):
        t = call("POST", f"/books/{book(token, 1000 + i)}/generate", token)["id"]
        while (task := call("GET", f"/tasks/{t}", token))["startedAt"] is None:
            time.sleep(0.02)
        from datetime import datetime
        parse = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
        lat.append((parse(task["startedAt"]) - parse(task["createdAt"])).total_seconds())
        while call("GET", f"/tasks/{t}", token)["status"] not in ("succeeded", "failed", "cancelled"):
            time.sleep(0.2)
    return statistics.median(lat), max(lat)


def case(label, env, extra_worker):
    data = tempfile.mkdtemp()
    env = {**os.environ, **env, "Storyloom__Limits__RequestsPerMinute": "100000000", "Storyloom__Limits__AuthRequestsPerMinute": "1000",
           "Storyloom__Jobs__MaxRunningPerUser": "8", "Logging__LogLevel__Default": "Warning"}
    procs = [subprocess.Popen(["dotnet", CLI, "serve", "--data", data, "--urls", f"http://127.0.0.1:{PORT}"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        wait_up()
        if extra_worker:
            procs.append(subprocess.Popen(["dotnet", CLI, "worker", "--data", data], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            time.sleep(5)
        token = signed_in()
        p50, worst = queue_latency(token)
        elapsed, ok = run_books(token, N)
        return label, ok, elapsed, 60 * ok / elapsed, p50, worst
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(40)
        shutil.rmtree(data, ignore_errors=True)


def psql(sql):
    d = dict(p.split("=", 1) for p in PG.split(";") if p)
    subprocess.run(["psql", f"host={d['Host']} port={d.get('Port', 5432)} user={d['Username']} dbname={d['Database']}", "-qc", sql], check=True)


subprocess.run(["dotnet", "build", os.path.join(ROOT, "src/Storyloom.Cli/Storyloom.Cli.csproj"), "-c", "Release", "-o",
                os.path.join(ROOT, ".tools/cli"), "--nologo", "-v", "quiet", "-clp:ErrorsOnly"], check=True)
rows = [case("SQLite, one node (serve: API + worker, 2 books at a time)", {"Storyloom__Database__Provider": "sqlite"}, False)]
db = f"sl_jobs_{os.getpid()}"
psql(f"CREATE DATABASE {db}")
try:
    cs = PG.replace("Database=postgres", f"Database={db}")
    rows.append(case("PostgreSQL, serve + 1 worker (2 + 2 books at a time)",
                     {"Storyloom__Database__Provider": "postgres", "Storyloom__Database__ConnectionString": cs}, True))
finally:
    psql(f"DROP DATABASE {db} WITH (FORCE)")

out = [f"{N} offline 32-page picture books (8.5x8.5, premium color) per case, queued at once; queue-to-start latency: median and",
       "worst of 5 single tasks on an otherwise idle system. Server, workers, PostgreSQL and Chromium share the 2 cores.\n",
       "| setup | books done | wall time s | books/minute | queue-to-start p50 s | worst s |", "|---|---:|---:|---:|---:|---:|"]
out += [f"| {l} | {ok}/{N} | {e:.1f} | {bpm:.1f} | {p50:.2f} | {w:.2f} |" for l, ok, e, bpm, p50, w in rows]
text = "\n".join(out)
os.makedirs(os.path.join(ROOT, "bench", "out"), exist_ok=True)
open(os.path.join(ROOT, "bench", "out", "jobs.md"), "w").write(text + "\n")
print(text)
