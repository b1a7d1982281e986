"""The demo organisation seeded by `officeapp-server --demo` and used by tests."""

from __future__ import annotations

from officeapp.org import Person, Role, Room, Unit

DEMO_PASSWORD = "demo-password"

ROOT_ID = "u-city"
OFFICE_ID = "u-office"
FINANCE_ID = "u-finance"
EDU_ID = "u-edu"

DEMO_UNITS = (
    Unit(ROOT_ID, "萍乡市人民政府", None, "萍府发", 0),
    Unit(OFFICE_ID, "市政府办公室", ROOT_ID, "萍府办发", 1),
    Unit(FINANCE_ID, "市财政局", ROOT_ID, "萍财发", 2),
    Unit(EDU_ID, "市教育局", ROOT_ID, "萍教发", 3),
)


def _person(username: str, name: str, unit_id: str, *roles: Role, title: str = "") -> Person:
    return Person(id=f"p-{username}", name=name, unit_id=unit_id, roles=frozenset(roles),
                  username=username, title=title)


DEMO_PEOPLE = (
    _person("office.clerk", "李文书", OFFICE_ID, Role.CLERK, title="文秘科科员"),
    _person("office.reviewer", "周核稿", OFFICE_ID, Role.CLERK, title="文秘科科长"),
    _person("office.secretary", "王秘书", OFFICE_ID, Role.SECRETARY, Role.CLERK,
            title="会务科科长"),
    _person("office.supervisor", "赵督查", OFFICE_ID, Role.SUPERVISOR, title="督查科科长"),
    _person("office.leader", "张主任", OFFICE_ID, Role.LEADER, title="办公室主任"),
    _person("office.deputy", "陈副主任", OFFICE_ID, Role.LEADER, title="办公室副主任"),
    _person("office.admin", "系统管理员", OFFICE_ID, Role.ADMIN),
    _person("finance.clerk", "刘会计", FINANCE_ID, Role.CLERK, title="办公室科员"),
    _person("finance.leader", "孙局长", FINANCE_ID, Role.LEADER, title="局长"),
    _person("edu.clerk", "吴老师", EDU_ID, Role.CLERK, title="办公室科员"),
    _person("edu.leader", "郑局长", EDU_ID, Role.LEADER, title="局长"),
)

DEMO_ROOMS = (
    Room("r-1", "第一会议室", "市政府大楼", 30, ("投影", "视频会议")),
    Room("r-2", "第二会议室", "市政府大楼", 12, ("投影",)),
    Room("r-big", "常务会议室", "市政府大楼", 60, ("投影", "视频会议", "同声传译"),
         needs_approval=True, approver_id="p-office.leader"),
)
