# メニューとダイアログ（src/game/menus）、およびパネル・画面以外のもの：キー操作、用語集、保存、エラー、画面遷移、
# ホットリロード。

## 設定（src/game/menus/settings.rs）

menus-settings-title = 設定
menus-settings-scale = 表示倍率
menus-settings-scale-note = 教室のプロジェクター向けに、文字と操作部品を大きくします。
menus-settings-window = ウィンドウ
menus-settings-windowed = ウィンドウ表示
menus-settings-fullscreen = 全画面表示
menus-settings-language = 言語
menus-settings-sound = サウンド
menus-settings-mute = ミュート
menus-settings-volume = 音量
menus-settings-sound-note = 提案の到着、合意の成立、交渉の決裂、イベントの発生、期限の接近を短い音でお知らせします。
menus-settings-close = 閉じる（Esc）
menus-settings-not-saved = この設定はゲームを終了するまで有効です：{ $error }
