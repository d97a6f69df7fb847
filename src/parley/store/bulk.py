"""Rows written in bulk: a feed adds thousands of shipments, timeline events and notices at once.

The services collect the new rows here and ``flush`` writes each kind with one executemany
(shipments as one multi-row INSERT with RETURNING, for their items' foreign keys), which is many
times faster than one ORM object per row. On PostgreSQL the other executemanys are psycopg
pipelines of one prepared statement (the engine turns off SQLAlchemy's multi-row INSERT rewriting
for them, whose very long statements psycopg would parse again for every chunk).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import JSON, Connection, Table, bindparam, insert, text, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from parley.store.models import Base, Order, OrderItem, OutboxNotice, Shipment, ShipmentItem, TimelineEvent

Row = dict[str, Any]


@dataclass
class Writes:
    shipments: list[tuple[Row, list[Row]]] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)
    notices: list[Row] = field(default_factory=list)
    statuses: dict[int, str] = field(default_factory=dict)
    """Order primary key to its new status."""
    shipped: dict[int, int] = field(default_factory=dict)
    """Order item primary key to its new shipped quantity."""

    def set_status(self, order: Order, status: str) -> None:
        """Change the order's status in memory now and in the database at ``flush``, in bulk."""
        set_committed_value(order, "status", status)
        self.statuses[order.id] = status

    def set_shipped(self, item: OrderItem, quantity: int) -> None:
        set_committed_value(item, "quantity_shipped", quantity)
        self.shipped[item.id] = quantity

    def flush(self, session: Session) -> None:
        session.flush()
        # On the connection, not the session: a session routes statements on mapped tables through
        # the ORM's bulk machinery, which costs more per row than the whole insert.
        connection = session.connection()
        _update(connection, Order, "status", self.statuses)
        _update(connection, OrderItem, "quantity_shipped", self.shipped)
        if self.shipments:
            ids = _insert_with_keys(connection, Shipment, [row for row, _items in self.shipments])
            items = [
                {**item, "shipment_id": shipment_id}
                for shipment_id, (_row, rows) in zip(ids, self.shipments, strict=True)
                for item in rows
            ]
            _insert(connection, ShipmentItem, items)
        _insert(connection, TimelineEvent, self.events)
        _insert(connection, OutboxNotice, self.notices)
        self.shipments.clear()
        self.events.clear()
        self.notices.clear()
        self.statuses.clear()
        self.shipped.clear()


def _table(model: type[Base]) -> Table:
    """The model's Core table: inserting through it skips the ORM's per-row bookkeeping."""
    return cast(Table, model.__table__)


def _insert_with_keys(connection: Connection, model: type[Base], rows: list[Row]) -> list[int]:
    """Insert and return the new primary keys, in the rows' order. PostgreSQL: the keys are drawn
    from the sequence first and the rows copied in with them (a multi-row INSERT ... RETURNING
    costs several times more); SQLite: INSERT ... RETURNING, which runs in-process."""
    table = _table(model)
    if connection.dialect.name != "postgresql":
        return list(connection.scalars(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows).all())
    ids = list(
        connection.scalars(
            text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :count)"),
            {"table": table.name, "count": len(rows)},
        ).all()
    )
    _insert(connection, model, [{"id": key, **row} for key, row in zip(ids, rows, strict=True)])
    return ids


def _insert(connection: Connection, model: type[Base], rows: list[Row]) -> None:
    """Rows that need no generated key back: COPY on PostgreSQL, an executemany elsewhere."""
    if not rows:
        return
    table = _table(model)
    if connection.dialect.name != "postgresql":
        connection.execute(insert(table), rows)
        return
    names = list(rows[0])
    columns = [table.c[name] for name in names]
    json_columns = {name for name, column in zip(names, columns, strict=True) if isinstance(column.type, JSON)}
    statement = f"COPY {table.name} ({', '.join(names)}) FROM STDIN"
    raw = connection.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row([json.dumps(row[name]) if name in json_columns else row[name] for name in names])


def _update(connection: Connection, model: type[Order] | type[OrderItem], name: str, changes: dict[int, Any]) -> None:
    """One executemany: psycopg runs it as a pipeline of one prepared statement, SQLite in-process."""
    if not changes:
        return
    table = _table(model)
    if connection.dialect.name == "postgresql":
        # Straight to psycopg: SQLAlchemy's parameter processing costs more than the pipelined update.
        raw = connection.connection.driver_connection
        assert raw is not None
        with raw.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {table.name} SET {name} = %s WHERE id = %s",
                [(value, key) for key, value in changes.items()],
            )
        return
    connection.execute(
        update(table).where(table.c.id == bindparam("key")).values({name: bindparam("value")}),
        [{"key": key, "value": value} for key, value in changes.items()],
    )
