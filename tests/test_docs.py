"""Every CLI command and option is documented in the README."""

from __future__ import annotations

import click
import typer

from sitrep.cli import app

from .conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")


def _commands() -> dict[str, click.Command]:
    group = typer.main.get_command(app)
    return dict(group.commands)


def test_every_command_is_in_the_readme():
    for name in _commands():
        if name != "version":
            assert f"sitrep {name}" in README, name


def test_every_option_is_in_the_readme():
    for name, command in _commands().items():
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                assert any(opt in README for opt in param.opts), (name, param.opts)
