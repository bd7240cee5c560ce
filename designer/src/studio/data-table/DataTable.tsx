import { Button, Empty, Spin } from "antd";
import { useState, type ReactNode } from "react";
import "./data-table.css";

export interface Column<T> {
  title: ReactNode;
  dataIndex?: keyof T & string;
  render?(value: unknown, row: T, index: number): ReactNode;
  width?: number;
}

/**
 * A plain table. antd's Table measures the scrollbar by inserting a <style> element without the page's nonce, which
 * the server's Content-Security-Policy blocks (a console error on every table); this one needs no style element.
 */
export function DataTable<T extends object>({ columns, dataSource, rowKey, pageSize, loading, className, label }: {
  columns: Column<T>[]; dataSource: readonly T[]; rowKey: (keyof T & string) | ((row: T, index: number) => string);
  pageSize?: number; loading?: boolean; className?: string; label?: string;
}) {
  const [page, setPage] = useState(0);
  const pages = pageSize ? Math.max(1, Math.ceil(dataSource.length / pageSize)) : 1;
  const current = Math.min(page, pages - 1);
  const rows = pageSize ? dataSource.slice(current * pageSize, (current + 1) * pageSize) : dataSource;
  const keyOf = (row: T, i: number) => (typeof rowKey === "function" ? rowKey(row, i) : String(row[rowKey]));
  return (
    <div className={`ff-table ${className ?? ""}`}>
      <table aria-label={label}>
        <thead>
          <tr>{columns.map((c, i) => <th key={i} style={c.width ? { width: c.width } : undefined}>{c.title}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={keyOf(row, i)} data-row-key={keyOf(row, i)}>
              {columns.map((c, j) => {
                const value = c.dataIndex ? row[c.dataIndex] : undefined;
                return <td key={j}>{c.render ? c.render(value, row, i) : (value as ReactNode)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {loading && <Spin />}
      {!loading && dataSource.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {pages > 1 && (
        <div className="ff-table-pager">
          <Button size="small" disabled={current === 0} onClick={() => setPage(current - 1)}>‹</Button>
          <span>{current + 1} / {pages}</span>
          <Button size="small" disabled={current === pages - 1} onClick={() => setPage(current + 1)}>›</Button>
        </div>
      )}
    </div>
  );
}
