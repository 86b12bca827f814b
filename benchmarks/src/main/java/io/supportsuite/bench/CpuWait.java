package io.supportsuite.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How long a process's threads ran and how long they waited for a CPU while runnable, from Linux's scheduler
 * statistics ({@code /proc/<pid>/task/<tid>/schedstat}: time on a CPU, time in the run queue, in ns). Taken before
 * and after a run, the difference tells whether a latency is work or queueing behind other work on the machine.
 */
record CpuWait(long ranNanos, long waitedNanos) {

    static final CpuWait UNKNOWN = new CpuWait(-1, -1);

    /** The sum over the threads of {@code pid} whose name starts with {@code thread} (all of them when empty). */
    static CpuWait of(long pid, String thread) {
        long ran = 0;
        long waited = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    if (!Files.readString(task.resolve("comm")).startsWith(thread)) {
                        continue;
                    }
                    String[] fields = Files.readString(task.resolve("schedstat")).trim().split("\\s+");
                    ran += Long.parseLong(fields[0]);
                    waited += Long.parseLong(fields[1]);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
        return new CpuWait(ran, waited);
    }

    /** What happened between {@code before} and this. */
    CpuWait since(CpuWait before) {
        return this == UNKNOWN || before == UNKNOWN ? UNKNOWN
                : new CpuWait(ranNanos - before.ranNanos, waitedNanos - before.waitedNanos);
    }

    @Override
    public String toString() {
        return this == UNKNOWN ? "unknown (not a local Linux process)"
                : String.format("ran %.2f s, waited %.2f s for a CPU", ranNanos / 1e9, waitedNanos / 1e9);
    }
}
