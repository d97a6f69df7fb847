"""Rows written in bulk: a feed adds thousands of shipments, timeline events and notices at once.

The services collect the new rows here and ``flush`` inserts each kind with one executemany
(shipments with RETURNING, for their items), which is many times faster than one ORM object per
row. Changes to loaded objects (an order's status) still go through the session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Integer, Table, bindparam, insert, update, values
from sqlalchemy import column as sa_column
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
        _update(session, Order, "status", self.statuses)
        _update(session, OrderItem, "quantity_shipped", self.shipped)
        if self.shipments:
            shipments = _table(Shipment)
            ids = session.scalars(
                insert(shipments).returning(shipments.c.id, sort_by_parameter_order=True),
                [row for row, _items in self.shipments],
            ).all()
            items = [
                {**item, "shipment_id": shipment_id}
                for shipment_id, (_row, rows) in zip(ids, self.shipments, strict=True)
                for item in rows
            ]
            if items:
                session.execute(insert(_table(ShipmentItem)), items)
        if self.events:
            session.execute(insert(_table(TimelineEvent)), self.events)
        if self.notices:
            session.execute(insert(_table(OutboxNotice)), self.notices)
        self.shipments.clear()
        self.events.clear()
        self.notices.clear()
        self.statuses.clear()
        self.shipped.clear()


def _table(model: type[Base]) -> Table:
    """The model's Core table: inserting through it skips the ORM's per-row bookkeeping."""
    return cast(Table, model.__table__)


def _update(session: Session, model: type[Order] | type[OrderItem], name: str, changes: dict[int, Any]) -> None:
    """One ``UPDATE ... FROM (VALUES ...)`` on PostgreSQL; an executemany on SQLite, which runs in-process."""
    if not changes:
        return
    table = _table(model)
    column = table.c[name]
    if session.get_bind().dialect.name == "postgresql":
        rows = values(sa_column("key", Integer), sa_column("value", column.type), name="changes").data(
            list(changes.items())
        )
        session.execute(update(table).where(table.c.id == rows.c.key).values({name: rows.c.value}))
        return
    session.execute(
        update(table).where(table.c.id == bindparam("key")).values({name: bindparam("value")}),
        [{"key": key, "value": value} for key, value in changes.items()],
    )
