def build_export(n, pad):
    return f"export-{n}.csv"
