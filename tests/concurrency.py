"""Run the same action from several threads at the same moment (each on its own pooled connection)."""
import threading


def run_at_once(action, times=2):
    """Call `action()` from `times` threads released together; return their results, raise their errors."""
    start = threading.Barrier(times, timeout=10)
    results, errors = [], []

    def run():
        try:
            start.wait()
            results.append(action())
        except Exception as error:  # re-raised below, in the test's thread
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    if errors:
        raise errors[0]
    return results
