"""Notifications out of the client (短信、邮件): events read from what the server records, a
durable queue with deduplication, retries and rate limits, and the senders (SMTP, an SMS
gateway). Nothing here runs inside a push: see docs/integration.md §4."""
