def handler(event, context):
    blocks = []
    for _ in range(40):
        blocks.append(b"x" * (16 << 20))
    return len(blocks)
