"""Order feeds: shipping confirmations and adjustments, as XML or tab-delimited flat files.

Parsing (``xml_feed``, ``flat_feed``) turns a document into records, one at a time, without
holding the document in memory; a record that cannot be read becomes a ``RecordError`` in the
stream instead of stopping it. ``processing`` applies the records and writes the report.
"""
