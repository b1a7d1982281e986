"""The client sync engine: outbox push, paged pull, pokes, blobs, tokens (asyncio + httpx)."""
