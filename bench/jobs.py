#!/usr/bin/env python3
"""Generation jobs, side by side in one run: books per minute for offline 32-page books on one SQLite node (`serve`: API
and worker), and on PostgreSQL with an API-only `serve` and two `storyloom worker` processes; and the queue-to-start
latency of one task on an idle system. The two setups alternate for R rounds; the table shows medians.

Usage: bench/jobs.py [books] [rounds]   (default 6 books per case, 1 round; needs the test PostgreSQL that ./storyloom test
       starts, or STORYLOOM_TEST_POSTGRES). Builds the CLI in Release into .tools/cli. Writes bench/out/jobs.md and prints it.
"""
import json, os, subprocess, sys, tempfile, time, urllib.request, statistics, shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.path.join(ROOT, ".tools", "cli", "storyloom.dll")
N = int(sys.argv[1]) if len(sys.argv) > 1 else 6
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 1
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


def case(label, env, workers):
    data = tempfile.mkdtemp()
    env = {**os.environ, **env, "Storyloom__Limits__RequestsPerMinute": "100000000", "Storyloom__Limits__AuthRequestsPerMinute": "1000",
           "Storyloom__Jobs__MaxRunningPerUser": "8", "Logging__LogLevel__Default": "Warning"}
    api_env = {**env, "Storyloom__Jobs__RunWorker": "false"} if workers else env
    procs = [subprocess.Popen(["dotnet", CLI, "serve", "--data", data, "--urls", f"http://127.0.0.1:{PORT}"], env=api_env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        wait_up()
        for _ in range(workers):
            procs.append(subprocess.Popen(["dotnet", CLI, "worker", "--data", data], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        if workers:
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
SQLITE = "SQLite, one node (serve: API + worker, 2 books at a time)"
POSTGRES = "PostgreSQL, API-only serve + 2 workers (2 + 2 books at a time)"
results = {SQLITE: [], POSTGRES: []}
for r in range(ROUNDS):
    results[SQLITE].append(case(SQLITE, {"Storyloom__Database__Provider": "sqlite"}, 0))
    db = f"sl_jobs_{os.getpid()}_{r}"
    psql(f"CREATE DATABASE {db}")
    try:
        cs = PG.replace("Database=postgres", f"Database={db}")
        results[POSTGRES].append(case(POSTGRES, {"Storyloom__Database__Provider": "postgres", "Storyloom__Database__ConnectionString": cs}, 2))
    finally:
        psql(f"DROP DATABASE {db} WITH (FORCE)")

med = lambda runs, i: statistics.median(run[i] for run in runs)
out = [f"{N} offline 32-page picture books (8.5x8.5, premium color) per case, queued at once; queue-to-start latency: median and",
       f"worst of 5 single tasks on an otherwise idle system. Medians of {ROUNDS} alternating round(s). Server, workers, PostgreSQL",
       "and Chromium share the 2 cores.\n",
       "| setup | books done | wall time s | books/minute | queue-to-start p50 s | worst s |", "|---|---:|---:|---:|---:|---:|"]
out += [f"| {label} | {sum(r[1] for r in runs)}/{N * len(runs)} | {med(runs, 2):.1f} | {med(runs, 3):.1f} | {med(runs, 4):.2f} | {max(r[5] for r in runs):.2f} |"
        for label, runs in results.items()]
text = "\n".join(out)
os.makedirs(os.path.join(ROOT, "bench", "out"), exist_ok=True)
open(os.path.join(ROOT, "bench", "out", "jobs.md"), "w").write(text + "\n")
print(text)
