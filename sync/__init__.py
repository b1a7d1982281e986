"""Sync between the desktop client and the central server: wire protocol, client engine, server.

`sync` may import `officeapp` but never `ui` or Qt; `officeapp` imports nothing of `sync`.
"""
