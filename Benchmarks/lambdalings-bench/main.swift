print("lambdalings-bench: no benchmarks yet")
