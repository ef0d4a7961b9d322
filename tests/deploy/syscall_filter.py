"""Which system calls a traced run of the server made that the systemd unit's
SystemCallFilter would refuse. Usage: syscall_filter.py UNIT_FILE STRACE_OUTPUT
Prints the refused calls and exits 1 if there are any."""
import re
import subprocess
import sys


def group(name, seen=None):
    seen = seen if seen is not None else set()
    if name in seen:
        return set()
    seen.add(name)
    out = subprocess.run(["systemd-analyze", "syscall-filter", name], capture_output=True, text=True, check=True).stdout
    calls = set()
    for line in out.splitlines()[1:]:  # the first line is the group's own name
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            calls |= group(line, seen)
        elif re.fullmatch(r"[a-z_0-9]+", line):
            calls.add(line)
    return calls


def allowed_by(unit_file):
    allowed = set()
    for line in open(unit_file):
        line = line.strip()
        if not line.startswith("SystemCallFilter="):
            continue
        value = line.split("=", 1)[1]
        deny = value.startswith("~")
        names = set()
        for item in value.lstrip("~").split():
            names |= group(item) if item.startswith("@") else {item}
        allowed = allowed - names if deny else allowed | names
    return allowed


def used_by(trace_file):
    """Calls made from the moment the hulpwijzer binary was executed (not the launcher's)."""
    used, started = set(), False
    for line in open(trace_file, errors="replace"):
        if not started:
            started = bool(re.match(r'^\d+\s+execve\("[^"]*/hulpwijzer".*= 0$', line.strip()))
            continue
        match = re.match(r"^\d+\s+([a-z_0-9]+)\(", line)
        if match:
            used.add(match.group(1))
    return used


if __name__ == "__main__":
    allowed = allowed_by(sys.argv[1])
    used = used_by(sys.argv[2])
    # execve happens before the filter applies (systemd installs it for the exec'd program).
    refused = sorted(used - allowed - {"execve"})
    print("system calls used: %d; refused by the unit's filter: %s" % (len(used), refused or "none"))
    sys.exit(1 if refused else 0)
