"""``python -m bot.console create-user NAME``: make a staff account for the console.

The password comes from the environment variable CONSOLE_PASSWORD if it is set (for scripts), else it is
asked for twice without echo. The account goes into ``staff_users`` in DATABASE_URL's database.

    python -m bot.console create-user kim.minji --display-name 김민지
    python -m bot.console set-password kim.minji
"""
from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import List, Optional

from sqlalchemy.exc import SQLAlchemyError

from bot.console.auth import MIN_PASSWORD_CHARS, AuthStore, UserExists, normalise_name
from bot.console.settings import ConsoleSettings
from knowledge.db import get_engine


def read_password() -> str:
    from_env = os.environ.get("CONSOLE_PASSWORD")
    if from_env:
        return from_env
    first = getpass.getpass(f"비밀번호 ({MIN_PASSWORD_CHARS}자 이상): ")
    if getpass.getpass("비밀번호 확인: ") != first:
        raise ValueError("두 비밀번호가 달라요 / the passwords differ")
    return first


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.console", description="상담원 콘솔 계정 관리 / staff console accounts")
    commands = parser.add_subparsers(dest="command", required=True)
    create = commands.add_parser("create-user", help="새 상담원 계정 / create a staff account")
    create.add_argument("name", help="아이디 (2-64자: 글자, 숫자, . _ @ -)")
    create.add_argument("--display-name", help="화면에 보일 이름 (기본: 아이디)")
    reset = commands.add_parser("set-password", help="비밀번호 바꾸기 / change a password")
    reset.add_argument("name")
    args = parser.parse_args(argv)

    if normalise_name(args.name) is None:
        print("아이디는 2-64자의 글자, 숫자, . _ @ - 만 쓸 수 있어요 / invalid user name", file=sys.stderr)
        return 2
    try:
        store = AuthStore(get_engine(ConsoleSettings.from_env().database_url))
        password = read_password()
        if args.command == "create-user":
            staff = store.create_user(args.name, password, args.display_name)
            print(f"계정을 만들었어요: {staff.name} ({staff.display_name})")
        elif not store.set_password(args.name, password):
            print(f"그런 아이디가 없어요: {normalise_name(args.name)}", file=sys.stderr)
            return 1
        else:
            print(f"비밀번호를 바꿨어요: {normalise_name(args.name)}")
            store.audit("set_password", staff=normalise_name(args.name), target=normalise_name(args.name))
    except UserExists as error:
        print(f"이미 있는 아이디예요 / the user exists: {error}", file=sys.stderr)
        return 1
    except ValueError as error:
        print(f"{error}", file=sys.stderr)
        return 2
    except (SQLAlchemyError, KeyboardInterrupt, EOFError) as error:
        print(f"계정을 저장하지 못했어요 / could not save the account: {type(error).__name__}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
