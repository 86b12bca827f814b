// Shared by the console's scripts: the API with the session cookie, formatting, and SLA countdowns.
'use strict';

const Api = {
    /** A JSON call; a 401 sends the agent to the login page, other errors throw with the problem's detail. */
    async call(method, path, body) {
        const options = { method, credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' } };
        if (body !== undefined) {
            options.headers['Content-Type'] = 'application/json';
            options.body = JSON.stringify(body);
        }
        const response = await fetch(path, options);
        if (response.status === 401) {
            location.href = 'login.html';
            throw new Error('Not logged in');
        }
        const text = await response.text();
        const data = text ? JSON.parse(text) : null;
        if (!response.ok) {
            const fields = data && data.errors ? ' (' + data.errors.map(e => e.field + ': ' + e.message).join('; ') + ')' : '';
            throw new Error((data && (data.detail || data.title) || response.statusText) + fields);
        }
        return data;
    },
    get(path) { return this.call('GET', path); },
    post(path, body) { return this.call('POST', path, body); },
    put(path, body) { return this.call('PUT', path, body); },
    patch(path, body) { return this.call('PATCH', path, body); },
};

const Fmt = {
    label(value) {
        return value ? value.replace(/_/g, ' ').replace(/^./, c => c.toUpperCase()) : '';
    },
    time(iso) {
        return iso ? new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }) : '';
    },
    /** "2h 05m", "3d 4h", "45s". */
    span(ms) {
        const s = Math.floor(Math.abs(ms) / 1000);
        const d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
        if (d > 0) return d + 'd ' + h + 'h';
        if (h > 0) return h + 'h ' + String(m).padStart(2, '0') + 'm';
        if (m > 0) return m + 'm ' + String(s % 60).padStart(2, '0') + 's';
        return (s % 60) + 's';
    },
    el(tag, attrs, ...children) {
        const node = document.createElement(tag);
        Object.entries(attrs || {}).forEach(([k, v]) => {
            if (v === undefined || v === null || v === false) return;
            if (k === 'class') node.className = v; else if (k === 'text') node.textContent = v; else node.setAttribute(k, v);
        });
        children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
        return node;
    },
};

/**
 * SLA countdowns: any element with class "sla" and data-deadline/data-at-risk/data-breached shows the time left
 * (or overdue), coloured by standing; refreshed every second.
 */
const Sla = {
    set(node, sla) {
        node.dataset.deadline = sla && sla.deadline ? sla.deadline : '';
        node.dataset.atRisk = sla && sla.atRisk ? 'true' : 'false';
        node.dataset.breached = sla && sla.breached ? 'true' : 'false';
        this.render(node);
    },
    render(node) {
        const deadline = node.dataset.deadline ? Date.parse(node.dataset.deadline) : null;
        const breached = node.dataset.breached === 'true';
        const left = deadline === null ? null : deadline - Date.now();
        let standing = 'none', text = 'No SLA clock';
        if (breached || (left !== null && left <= 0)) {
            standing = 'breached';
            text = left === null ? 'Breached' : 'Overdue ' + Fmt.span(left);
        } else if (left !== null) {
            standing = node.dataset.atRisk === 'true' ? 'at-risk' : 'ok';
            text = Fmt.span(left) + ' left';
        }
        node.textContent = text;
        node.className = 'sla sla-' + standing;
        node.title = deadline === null ? 'No SLA deadline running' : 'Deadline ' + Fmt.time(node.dataset.deadline);
    },
    tick() {
        document.querySelectorAll('.sla[data-deadline]').forEach(n => Sla.render(n));
    },
};
setInterval(Sla.tick, 1000);
