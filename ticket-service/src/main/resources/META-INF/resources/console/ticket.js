// The open ticket: transcript, timeline, status and priority, reply with canned responses, internal notes.
'use strict';

const TicketPane = {
    id: null,
    detail: null,
    canned: [],
    reloadTimer: null,

    async init() {
        this.canned = await Api.get('/api/canned-responses');
        const select = document.getElementById('canned-select');
        this.canned.forEach(c => select.append(Fmt.el('option', { value: c.id, text: c.title })));
        select.addEventListener('change', () => this.insertCanned(select.value));
        document.getElementById('reply-form').addEventListener('submit', e => { e.preventDefault(); this.reply(); });
        document.getElementById('note-form').addEventListener('submit', e => { e.preventDefault(); this.note(); });
        document.getElementById('status-apply').addEventListener('click', () => this.act(() =>
            Api.patch('/api/tickets/' + this.id, { status: document.getElementById('status-select').value })));
        document.getElementById('priority-select').addEventListener('change', e => this.act(() =>
            Api.put('/api/tickets/' + this.id + '/priority', { priority: e.target.value })));
    },

    async open(id) {
        if (this.id !== id) {
            document.getElementById('reply-body').value = '';
            document.getElementById('note-body').value = '';
            document.getElementById('canned-select').value = '';
        }
        this.id = id;
        if (!id) {
            document.getElementById('ticket').hidden = true;
            document.getElementById('no-ticket').hidden = false;
            return;
        }
        await this.reload();
    },

    async reload() {
        const id = this.id;
        try {
            const detail = await Api.get('/api/tickets/' + id);
            if (id !== this.id) return;
            this.detail = detail;
            this.render(detail);
        } catch (e) {
            this.error(e.message);
        }
    },

    /** A change from the live stream about this ticket: read it again (once per burst). */
    changed() {
        clearTimeout(this.reloadTimer);
        this.reloadTimer = setTimeout(() => this.reload(), 200);
    },

    render(t) {
        document.getElementById('no-ticket').hidden = true;
        document.getElementById('ticket').hidden = false;
        document.getElementById('ticket').dataset.ticketId = t.id;
        document.getElementById('ticket-number').textContent = '#' + t.number;
        document.getElementById('ticket-subject').textContent = t.subject || '(no subject)';
        const c = t.customer || {};
        document.getElementById('ticket-customer').textContent = [c.name, c.email].filter(Boolean).join(' · ') + ' · ' + Fmt.label(t.channel);
        const status = document.getElementById('ticket-status');
        status.textContent = Fmt.label(t.status);
        status.className = 'badge status-' + t.status;
        const priority = document.getElementById('ticket-priority');
        priority.textContent = Fmt.label(t.priority);
        priority.className = 'badge priority-' + t.priority;
        Sla.set(document.getElementById('ticket-sla'), t.sla);
        document.getElementById('status-select').value = t.status === 'new' ? 'open' : t.status;
        document.getElementById('priority-select').value = t.priority;
        document.getElementById('ticket-tags').replaceChildren(...(t.tags || []).map(tag => Fmt.el('span', { class: 'tag', text: tag })));
        document.getElementById('transcript').replaceChildren(...t.messages.map(m => Fmt.el('li',
            { class: 'message ' + m.direction, 'data-message-id': m.id },
            Fmt.el('div', { class: 'message-head' }, Fmt.el('strong', { text: m.author || Fmt.label(m.authorType) }),
                Fmt.el('span', { class: 'muted small', text: Fmt.time(m.createdAt) })),
            Fmt.el('div', { class: 'message-text', text: m.text || '' }))));
        document.getElementById('timeline').replaceChildren(...t.timeline.map(line => Fmt.el('li', { class: 'timeline-' + line.kind.replace(/\./g, '-') },
            Fmt.el('div', {}, Fmt.el('strong', { text: this.describe(line) })),
            Fmt.el('div', { class: 'muted small', text: [line.actor, Fmt.time(line.at)].filter(Boolean).join(' · ') }),
            line.kind === 'note' && line.text ? Fmt.el('div', { class: 'note-text', text: line.text }) : '')));
        const closed = t.status === 'closed';
        ['reply-send', 'note-send', 'status-apply', 'priority-select', 'reply-body'].forEach(i => document.getElementById(i).disabled = closed);
    },

    describe(line) {
        const d = line.details || {};
        switch (line.kind) {
            case 'message': return 'Customer wrote';
            case 'reply': return 'Reply sent';
            case 'note': return 'Internal note';
            case 'status_changed': return 'Status ' + Fmt.label(d.from) + ' → ' + Fmt.label(d.to);
            case 'priority_changed': return 'Priority ' + Fmt.label(d.from) + ' → ' + Fmt.label(d.to);
            case 'assigned': return 'Assigned to ' + (d.assignee || d.team || 'nobody');
            case 'tags_changed': return 'Tags: ' + (d.tags || []).join(', ');
            case 'escalated': return 'Escalated to ' + (d.to || 'a supervisor');
            case 'merged': return d.into ? 'Merged into #' + d.intoNumber : 'Merged in #' + d.fromNumber;
            case 'sla.warning': return 'SLA ' + Fmt.label(d.clock) + ' at ' + d.stagePercent + ' %';
            default: return Fmt.label(line.kind.replace(/\./g, ' ')).replace(/^Sla /, 'SLA ') + (d.clock ? ' (' + Fmt.label(d.clock) + ')' : '');
        }
    },

    /** The canned response's text with its placeholders filled by the service, as the customer will read it (C5, N7). */
    async insertCanned(id) {
        if (!id || !this.id) return;
        try {
            const preview = await Api.post('/api/tickets/' + this.id + '/reply-preview', { cannedResponseId: id });
            const box = document.getElementById('reply-body');
            box.value = box.value.trim() ? box.value.trimEnd() + '\n\n' + preview.text : preview.text;
            box.focus();
        } catch (e) {
            this.error(e.message);
        }
    },

    async reply() {
        const box = document.getElementById('reply-body');
        if (!box.value.trim()) return this.error('Write a reply first.');
        await this.act(() => Api.post('/api/tickets/' + this.id + '/replies', { body: box.value }), () => {
            box.value = '';
            document.getElementById('canned-select').value = '';
        });
    },

    async note() {
        const box = document.getElementById('note-body');
        if (!box.value.trim()) return this.error('Write a note first.');
        await this.act(() => Api.post('/api/tickets/' + this.id + '/notes', { text: box.value }), () => box.value = '');
    },

    /** Runs an action; shows its problem, or clears the error and reads the ticket again. */
    async act(action, done) {
        try {
            await action();
            document.getElementById('ticket-error').hidden = true;
            if (done) done();
            await this.reload();
        } catch (e) {
            this.error(e.message);
            await this.reload();
        }
    },

    error(message) {
        const box = document.getElementById('ticket-error');
        box.textContent = message;
        box.hidden = false;
    },
};
