"""Contact details a customer changed in a portal (PD-1, PD-2).

The back-office person keeps the details it was created with; each change is a row
here, so that what the customer sees, what the P&V agent sees from the next day on, and
what a Vivium broker keeps seeing can all be told apart.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, str_enum
from models.enums import Brand


class ContactChange(Base):
    __tablename__ = "contact_change"
    __table_args__ = (Index("ix_contact_change_person_brand", "person_id", "brand"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    brand: Mapped[Brand] = mapped_column(str_enum(Brand))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    street: Mapped[str | None] = mapped_column(String(120))
    house_number: Mapped[str | None] = mapped_column(String(12))
    postcode: Mapped[str | None] = mapped_column(String(4))
    city: Mapped[str | None] = mapped_column(String(80))
    email: Mapped[str | None] = mapped_column(String(254))
    mobile: Mapped[str | None] = mapped_column(String(16))
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    # PD-2: when the intermediary's tool shows it (P&V: next day); None = never (Vivium).
    intermediary_sees_from: Mapped[datetime | None] = mapped_column(DateTime)
