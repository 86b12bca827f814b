// The queue: the views as tabs, filters, rows with live SLA countdowns, refreshed by the live stream.
'use strict';

const Queue = {
    view: 'mine',
    next: null,
    selected: null,
    refreshTimer: null,
    onOpen: () => {},
    onViewChange: () => {},

    init(view, onOpen, onViewChange) {
        this.onOpen = onOpen;
        this.onViewChange = onViewChange;
        document.querySelectorAll('[role=tab]').forEach(tab => tab.addEventListener('click', () => this.show(tab.dataset.view)));
        const form = document.getElementById('filters');
        form.addEventListener('change', () => this.load());
        form.addEventListener('submit', e => { e.preventDefault(); this.load(); });
        let typing;
        form.querySelectorAll('input').forEach(i => i.addEventListener('input', () => {
            clearTimeout(typing);
            typing = setTimeout(() => this.load(), 350);
        }));
        document.getElementById('load-more').addEventListener('click', () => this.load(true));
        this.show(view);
    },

    show(view) {
        this.view = view;
        document.querySelectorAll('[role=tab]').forEach(t => t.setAttribute('aria-selected', String(t.dataset.view === view)));
        this.onViewChange(view);
        return this.load();
    },

    query(more) {
        const params = new URLSearchParams();
        new FormData(document.getElementById('filters')).forEach((v, k) => { if (String(v).trim()) params.set(k, String(v).trim()); });
        if (more && this.next) params.set('after', this.next);
        return params.toString();
    },

    async load(more) {
        const asked = this.asked = (this.asked || 0) + 1;
        try {
            const page = await Api.get('/api/views/' + this.view + '?' + this.query(more));
            if (asked !== this.asked) return; // a later request (another tab, other filters) answers instead
            this.next = page.next;
            const rows = document.getElementById('queue-rows');
            if (!more) rows.replaceChildren();
            page.items.forEach(t => rows.append(this.row(t)));
            document.getElementById('empty-queue').hidden = rows.children.length > 0;
            document.getElementById('load-more').hidden = !page.next;
        } catch (e) {
            console.warn('Queue not loaded', e);
        }
    },

    /** Soon, once: several changes in a burst cost one reload of the first page. */
    refreshSoon() {
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => this.load(), 250);
    },

    /** A change from the live stream. */
    changed(change) {
        const row = document.getElementById('row-' + change.ticketId);
        if (change.inView === false) {
            if (row) row.remove();
            document.getElementById('empty-queue').hidden = document.getElementById('queue-rows').children.length > 0;
        } else if (row) {
            row.replaceWith(this.row(change.ticket, true));
        }
        if (change.inView || row) this.refreshSoon();
    },

    select(id) {
        this.selected = id;
        document.querySelectorAll('#queue-rows tr').forEach(r => r.classList.toggle('selected', r.dataset.ticketId === id));
    },

    row(t, flash) {
        const sla = Fmt.el('span', { class: 'sla' });
        Sla.set(sla, t.sla);
        const open = Fmt.el('a', { href: '#' + this.view + '/' + t.id, class: 'subject-link', text: t.subject || '(no subject)' });
        const row = Fmt.el('tr', { id: 'row-' + t.id, 'data-ticket-id': t.id, 'data-number': t.number,
                class: (t.id === this.selected ? 'selected' : '') + (flash ? ' flash' : '') },
            Fmt.el('td', { class: 'num', text: '#' + t.number }),
            Fmt.el('td', {}, open, Fmt.el('div', { class: 'muted small', text: Fmt.label(t.channel) + ' · ' + Fmt.time(t.createdAt) })),
            Fmt.el('td', { text: t.customer ? t.customer.name || t.customer.email || '' : '' }),
            Fmt.el('td', {}, Fmt.el('span', { class: 'badge status-' + t.status, text: Fmt.label(t.status) })),
            Fmt.el('td', {}, Fmt.el('span', { class: 'badge priority-' + t.priority, text: Fmt.label(t.priority) })),
            Fmt.el('td', {}, sla));
        row.addEventListener('click', e => {
            if (e.target.tagName !== 'A') location.hash = this.view + '/' + t.id;
        });
        return row;
    },
};
