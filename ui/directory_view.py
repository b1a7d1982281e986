"""通讯录: the unit tree with its people, searchable, from the local directory."""

from __future__ import annotations

from officeapp.org import ROLE_LABELS, Organisation
from ui.common.context import AppContext, ChangeKind, Changes
from ui.common.qt import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget
from ui.common.values import listed, value_text


class DirectoryView(QWidget):
    """Units as a tree with their people (name, title, roles, phone)."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索姓名、单位或电话"))
        self.search.textChanged.connect(self._filter)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("单位 / 姓名"), self.tr("职务"), self.tr("角色"),
                                   self.tr("电话")])
        self.tree.setColumnWidth(0, 260)
        self.tree.setColumnWidth(1, 160)
        self.tree.setColumnWidth(2, 200)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        ctx.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if ChangeKind.DIRECTORY in changes.kinds:
            self.reload()

    def reload(self) -> None:
        """Load the directory on the worker and show it."""
        self.ctx.spawn(self._load(), what="读取通讯录")

    async def _load(self) -> None:
        self.fill(await self.ctx.organisation())

    def fill(self, org: Organisation) -> None:
        """Show the units and people of `org`."""
        self.tree.clear()
        self._add_units(org, None, self.tree.invisibleRootItem())
        self.tree.expandAll()
        self._filter(self.search.text())

    def _add_units(self, org: Organisation, parent_id: str | None,
                   parent: QTreeWidgetItem) -> None:
        for unit in org.children(parent_id):
            item = QTreeWidgetItem(parent, [unit.name])
            people = sorted((p for p in org.people.values() if p.unit_id == unit.id and p.active),
                            key=lambda p: p.name)
            for person in people:
                roles = listed(value_text(ROLE_LABELS[r]) for r in sorted(person.roles))
                QTreeWidgetItem(item, [person.name, person.title, roles, person.phone])
            self._add_units(org, unit.id, item)

    def _filter(self, text: str) -> None:
        needle = text.strip()
        root = self.tree.invisibleRootItem()
        for index in range(root.childCount()):
            child = root.child(index)
            if child is not None:
                self._show_matching(child, needle)

    def _show_matching(self, item: QTreeWidgetItem, needle: str) -> bool:
        own = not needle or any(needle in item.text(c) for c in range(4))
        kids = (item.child(i) for i in range(item.childCount()))
        children = [self._show_matching(kid, needle) for kid in kids if kid is not None]
        visible = own or any(children)
        item.setHidden(not visible)
        return visible
