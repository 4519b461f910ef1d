"""Runs a command under a pseudo-terminal and answers its prompts: a person at a terminal, for tests.

Usage: pty-drive.py '<json>' where json is {"argv": [...], "cwd": "...", "env": {...}, "steps": [[regex, text], ...]}.
Each step waits (10 s at most) for regex in the output seen since the previous step, then types text. Prints
{"status": exit code, "output": everything written to the terminal, "unmatched": the first step never seen}.
"""
import json, os, pty, re, select, sys, time

spec = json.loads(sys.argv[1])
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
pid, fd = pty.fork()
if pid == 0:
    os.chdir(spec["cwd"])
    os.execve(spec["argv"][0], spec["argv"], spec["env"])

output = ""
seen_from = 0
unmatched = None


def read(timeout):
    global output
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return False
    try:
        data = os.read(fd, 65536)
    except OSError:
        return None
    if not data:
        return None
    output += data.decode("utf8", "replace")
    return True


for pattern, text in spec["steps"]:
    deadline = time.time() + 10
    found = False
    while time.time() < deadline:
        m = re.search(pattern, ANSI.sub("", output[seen_from:]))
        if m:
            found = True
            break
        if read(0.2) is None:
            break
    if not found:
        unmatched = pattern
        break
    seen_from = len(output)
    time.sleep(0.05)
    os.write(fd, text.encode("utf8"))

deadline = time.time() + 30
while time.time() < deadline and read(0.2) is not None:
    pass
_, status = os.waitpid(pid, 0)
print(json.dumps({"status": os.waitstatus_to_exitcode(status), "output": ANSI.sub("", output), "unmatched": unmatched}))
